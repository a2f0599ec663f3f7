import Foundation
import Trainer

/// The search space of one ``TPESampler`` proposal: its dimensions, the points already tried,
/// and how a point on the kernel scale becomes ``TrialParameters``.
struct TPESearch: Sendable {
    /// Largest finite space that is enumerated to find the best unseen point.
    static let enumerationLimit = 100_000
    /// Joint candidates scored in independent (univariate) mode: the product of each
    /// parameter's best unique candidates is cut to about this many.
    static let jointCandidateLimit = 4_096

    /// On the kernel scale, the coordinate of a conditional parameter inactive at a point.
    static let inactive = Double.infinity

    let dimensions: [TPEDimension]
    /// Conditional parameters (those after the unconditional ones in `dimensions`).
    let conditions: [Hyperparameter: ParameterCondition]
    let defaults: TrialParameters
    /// The history's points (any state) on the kernel scale.
    let seen: Set<[Double]>
    /// The number of points when every dimension is finite (capped past `Int.max / 2`).
    let finiteSize: Int?

    /// The search over `space`: the unconditional parameters' dimensions first, then the
    /// conditional ones, each group in ``Hyperparameter`` order, as `conditions` expects.
    init(
        space: [Hyperparameter: ParameterDomain],
        conditions: [Hyperparameter: ParameterCondition], defaults: TrialParameters,
        history: [TPEObservation]
    ) throws(TPEError) {
        let searched = space.keys.sorted()
        let order =
            searched.filter { conditions[$0] == nil } + searched.filter { conditions[$0] != nil }
        var dimensions: [TPEDimension] = []
        for parameter in order {
            guard let domain = space[parameter] else { continue }
            dimensions.append(try TPEDimension(parameter, domain))
        }
        self.init(
            dimensions: dimensions, conditions: conditions, defaults: defaults, history: history)
    }

    init(
        dimensions: [TPEDimension], conditions: [Hyperparameter: ParameterCondition] = [:],
        defaults: TrialParameters, history: [TPEObservation]
    ) {
        self.dimensions = dimensions
        self.conditions = conditions
        self.defaults = defaults
        var size: Int? = 1
        for dimension in dimensions {
            guard let current = size, let count = dimension.finiteSize else {
                size = nil
                break
            }
            size =
                current.multipliedReportingOverflow(by: count).overflow
                ? Int.max / 2 : current * count
        }
        finiteSize = size
        seen = Set(
            history.compactMap { Self.encode($0.parameters, dimensions, conditions) })
    }

    /// `parameters` on the kernel scale (``inactive`` for an inactive conditional parameter);
    /// `nil` when a value lies outside its domain.
    func encode(_ parameters: TrialParameters) -> [Double]? {
        Self.encode(parameters, dimensions, conditions)
    }

    private static func encode(
        _ parameters: TrialParameters, _ dimensions: [TPEDimension],
        _ conditions: [Hyperparameter: ParameterCondition]
    ) -> [Double]? {
        var point: [Double] = []
        for dimension in dimensions {
            if let condition = conditions[dimension.parameter], !condition.holds(for: parameters) {
                point.append(inactive)
                continue
            }
            guard let x = dimension.encode(parameters) else { return nil }
            point.append(x)
        }
        return point
    }

    /// Whether `parameter` applies to `parameters`.
    private func isActive(_ parameter: Hyperparameter, _ parameters: TrialParameters) -> Bool {
        conditions[parameter]?.holds(for: parameters) ?? true
    }

    /// The trial parameters at `point` (rounded to the domains; inactive conditional
    /// parameters unset).
    func parameters(at point: [Double]) -> TrialParameters {
        var parameters = defaults
        for (dimension, x) in zip(dimensions, point) {
            guard isActive(dimension.parameter, parameters), x.isFinite else { continue }
            parameters.set(dimension.parameter, to: dimension.decode(x))
        }
        return parameters
    }

    /// `point` rounded to the domains, on the kernel scale (categories and integers exact).
    func canonical(_ point: [Double]) -> [Double] {
        encode(parameters(at: point)) ?? point
    }

    /// A uniform draw not yet tried, re-drawn up to 100 times (a continuous space has finite
    /// parts too: the trials where a conditional parameter is inactive); then, in a finite
    /// space, one of the enumerated unseen points, in an infinite one the last draw.
    func randomUnseen(_ generator: inout SplitMix64) throws(TPEError) -> TrialParameters {
        var parameters = defaults
        for _ in 0..<100 {
            parameters = defaults
            for dimension in dimensions where isActive(dimension.parameter, parameters) {
                parameters.set(
                    dimension.parameter,
                    to: RandomSampler.draw(
                        dimension.domain, integer: dimension.parameter == .batchSize, &generator))
            }
            guard let point = encode(parameters), seen.contains(point) else { return parameters }
        }
        guard finiteSize != nil else { return parameters }
        let unseen = try enumerateUnseen()
        return self.parameters(at: unseen[generator.nextIndex(below: unseen.count)])
    }

    /// The TPE proposal: the best unseen of the candidates drawn from l(x), by l(x)/g(x) (in a
    /// continuous space too: where a conditional parameter is inactive, the points are few).
    func best(
        good: [TrialParameters], bad: [TrialParameters], settings: TPESettings,
        _ generator: inout SplitMix64
    ) throws(TPEError) -> TrialParameters {
        let goodPoints = good.compactMap(encode)
        let badPoints = bad.compactMap(encode)
        let score: ([Double]) -> Double
        let candidates: [[Double]]
        if settings.multivariate, conditions.isEmpty {
            let l = ParzenEstimator(
                dimensions: dimensions, points: goodPoints, priorWeight: settings.priorWeight,
                multivariate: true)
            let g = ParzenEstimator(
                dimensions: dimensions, points: badPoints, priorWeight: settings.priorWeight,
                multivariate: true)
            score = { l.logDensity($0) - g.logDensity($0) }
            candidates = (0..<settings.eiCandidates).map { _ in canonical(l.sample(&generator)) }
        } else {
            let pairs = dimensions.enumerated().map { column, dimension in
                (
                    ParzenEstimator(
                        dimensions: [dimension], points: Self.active(goodPoints, column),
                        priorWeight: settings.priorWeight, multivariate: false),
                    ParzenEstimator(
                        dimensions: [dimension], points: Self.active(badPoints, column),
                        priorWeight: settings.priorWeight, multivariate: false)
                )
            }
            let scoreOne = { (column: Int, x: Double) -> Double in
                pairs[column].0.logDensity([x]) - pairs[column].1.logDensity([x])
            }
            score = { point in
                point.indices.reduce(0) { sum, column in
                    point[column].isFinite ? sum + scoreOne(column, point[column]) : sum
                }
            }
            var perDimension: [[Double]] = []
            for (l, _) in pairs {
                perDimension.append(
                    (0..<settings.eiCandidates).map { _ in l.sample(&generator)[0] })
            }
            candidates = jointCandidates(perDimension: perDimension, score: scoreOne).map(
                canonical)
        }
        let scores = candidates.map(score)
        let ranked = candidates.indices.sorted { scores[$0] > scores[$1] }.map { candidates[$0] }
        if let unseen = ranked.first(where: { !seen.contains($0) }) {
            return parameters(at: unseen)
        }
        guard let size = finiteSize, size <= Self.enumerationLimit else {
            return try randomUnseen(&generator)
        }
        let unseen = try enumerateUnseen()
        let unseenScores = unseen.map(score)
        let bestIndex = unseenScores.indices.max { unseenScores[$0] < unseenScores[$1] } ?? 0
        return parameters(at: unseen[bestIndex])
    }

    /// Column `column` of `points`, as 1-D points, where that parameter was active.
    private static func active(_ points: [[Double]], _ column: Int) -> [[Double]] {
        points.filter { $0[column].isFinite }.map { [$0[column]] }
    }

    /// The product of each dimension's best unique (rounded) candidates, cut so the product
    /// stays near ``jointCandidateLimit``; its first point combines the per-dimension best.
    private func jointCandidates(
        perDimension: [[Double]], score: (Int, Double) -> Double
    ) -> [[Double]] {
        let keep = max(
            1, Int(pow(Double(Self.jointCandidateLimit), 1 / Double(max(dimensions.count, 1)))))
        let columns = perDimension.enumerated().map { column, drawn in
            var unique: [Double] = []
            for x in drawn {
                let rounded = dimensionCanonical(column, x)
                if !unique.contains(rounded) { unique.append(rounded) }
            }
            return Array(unique.sorted { score(column, $0) > score(column, $1) }.prefix(keep))
        }
        return columns.reduce([[]]) { partial, column in
            partial.flatMap { prefix in column.map { prefix + [$0] } }
        }
    }

    /// `x` rounded to dimension `column`'s domain, on the kernel scale.
    private func dimensionCanonical(_ column: Int, _ x: Double) -> Double {
        let dimension = dimensions[column]
        var parameters = defaults
        parameters.set(dimension.parameter, to: dimension.decode(x))
        return dimension.encode(parameters) ?? x
    }

    /// Every point of the finite space not in the history, in a stable order.
    func enumerateUnseen() throws(TPEError) -> [[Double]] {
        guard let size = finiteSize, size <= Self.enumerationLimit else {
            throw .spaceExhausted(size: finiteSize ?? 0)
        }
        var points: [[Double]] = [[]]
        for dimension in dimensions {
            let count = dimension.finiteSize ?? 1
            points = points.flatMap { prefix in
                (0..<count).compactMap { index in
                    guard let value = dimension.value(at: index) else { return nil }
                    var parameters = defaults
                    parameters.set(dimension.parameter, to: value)
                    return dimension.encode(parameters).map { prefix + [$0] }
                }
            }
        }
        var unique: Set<[Double]> = []
        let unseen = points.map(canonical).filter {
            !seen.contains($0) && unique.insert($0).inserted
        }
        guard !unseen.isEmpty else { throw .spaceExhausted(size: size) }
        return unseen
    }
}
