import Foundation

/// What the sweep says about batch size: per batch size the best lr, objective and loss; a fit of
/// lr* ∝ batchᵏ with a 95 % interval for k; and how the best objective moves per doubling.
public struct BatchSizeAdvice: Codable, Sendable, Equatable {
    /// Fewer trials than this at a batch size and it is left out of the fits.
    public static let minimumTrialsPerBatchSize = 3

    /// The best trial at one batch size.
    public struct Row: Codable, Sendable, Equatable {
        public var batchSize: Int
        public var trials: Int
        public var bestTrial: Int
        public var bestLR: Double
        public var bestObjective: Double
        /// The loss of the best trial at this batch size.
        public var bestLoss: String
        /// Each loss's best objective at this batch size, best first.
        public var lossBest: [String: Double]
    }

    /// A least-squares line with a 95 % interval for its slope (nil with fewer than 3 points).
    public struct Fit: Codable, Sendable, Equatable {
        public var slope: Double
        public var intercept: Double
        public var lower: Double?
        public var upper: Double?
        public var points: Int
    }

    /// The metric the advice calls the objective (the sweep's, or `--objective`).
    public var objective: String
    public var rows: [Row]
    /// log(lr*) = intercept + k·log(batch_size): the slope is k.
    public var lrScaling: Fit?
    /// best objective = intercept + slope·log₂(batch_size): the slope is the change per doubling.
    public var objectivePerDoubling: Fit?
    /// Plain sentences: the verdicts, or why there is none.
    public var statements: [String]

    /// The advice from `points`, whose objective is the metric named `objective`. A command
    /// trainer whose program is not given both `batch_size` and `lr` (`received`, see
    /// ``SweepSpec/receivedParameters``) gets no advice, and a statement that says why: its
    /// trials store the embedded trainer's defaults for them.
    public init(
        points: [ObjectivePoint], objective: String,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) {
        self.objective = objective
        let missing = [Hyperparameter.batchSize, .lr].filter { !received.contains($0) }
        guard missing.isEmpty else {
            rows = []
            statements = [
                "the program is not given "
                    + missing.map(\.rawValue).joined(separator: " or ")
                    + ": batch-size advice needs a sweep whose trials set both"
            ]
            return
        }
        let bySize = Dictionary(grouping: points, by: \.parameters.batchSize)
        rows = bySize.keys.sorted().compactMap { size -> Row? in
            guard let trials = bySize[size],
                let best = trials.max(by: { ($0.score, -$0.trial) < ($1.score, -$1.trial) })
            else { return nil }
            var lossBest: [String: ObjectivePoint] = [:]
            for trial in trials
            where lossBest[trial.parameters.loss.rawValue].map({ trial.score > $0.score }) ?? true {
                lossBest[trial.parameters.loss.rawValue] = trial
            }
            return Row(
                batchSize: size, trials: trials.count, bestTrial: best.trial,
                bestLR: best.parameters.lr, bestObjective: best.objective,
                bestLoss: best.parameters.loss.rawValue,
                lossBest: lossBest.mapValues(\.objective))
        }
        let usable = rows.filter { $0.trials >= Self.minimumTrialsPerBatchSize && $0.bestLR > 0 }
        lrScaling = Self.fit(usable.map { (log(Double($0.batchSize)), log($0.bestLR)) })
        objectivePerDoubling = Self.fit(
            usable.map { (log2(Double($0.batchSize)), $0.bestObjective) })
        statements = Self.statements(
            rows: rows, usable: usable, lr: lrScaling, trend: objectivePerDoubling,
            objective: objective)
    }

    /// Ordinary least squares of `y` on `x`; nil with fewer than two distinct `x`.
    static func fit(_ points: [(x: Double, y: Double)]) -> Fit? {
        let n = Double(points.count)
        guard points.count >= 2 else { return nil }
        let meanX = points.reduce(0) { $0 + $1.x } / n
        let meanY = points.reduce(0) { $0 + $1.y } / n
        let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        guard sxx > 0 else { return nil }
        let sxy = points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var fit = Fit(slope: slope, intercept: intercept, points: points.count)
        if points.count >= 3 {
            let residual = points.reduce(0) {
                let error = $1.y - intercept - slope * $1.x
                return $0 + error * error
            }
            let standardError = (residual / (n - 2) / sxx).squareRoot()
            let margin = studentT975(degreesOfFreedom: points.count - 2) * standardError
            fit.lower = slope - margin
            fit.upper = slope + margin
        }
        return fit
    }

    /// The 97.5 % quantile of Student's t distribution (two-sided 95 % interval).
    static func studentT975(degreesOfFreedom: Int) -> Double {
        let table = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
            2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        return degreesOfFreedom >= 1 && degreesOfFreedom <= table.count
            ? table[degreesOfFreedom - 1] : 1.960
    }
}
