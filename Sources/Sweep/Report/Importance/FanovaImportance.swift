import Trainer

/// Hyperparameter importance by fANOVA, with the semantics of Optuna's
/// `FanovaImportanceEvaluator`: a random forest of 64 trees (bootstrap samples, every feature
/// tried at each split, depth ≤ 64) fitted on the completed trials' parameters (numbers as they
/// are, no log transform; a category one-hot encoded) within their observed bounds; per tree, the
/// variance of the marginal over a parameter's columns as a fraction of the tree's variance,
/// averaged over the trees with variance; normalised to sum to 1. A parameter with one value
/// gets 0.
public enum FanovaImportance {
    /// One parameter's importance.
    public struct Entry: Codable, Sendable, Equatable {
        public var parameter: String
        public var importance: Double
    }

    /// Settings of the forest.
    public struct Settings: Sendable, Equatable {
        public var trees = 64
        public var maxDepth = 64
        public var seed: UInt64 = 0
        /// At most this many trials are fitted (a seeded sample of them beyond), so a huge sweep
        /// stays quick; nil for all.
        public var maxTrials: Int? = 500

        public init() {}
    }

    /// The importances of the columns of `x` grouped as `groups` (a parameter's columns), with
    /// each column's `bounds`; most important first. Nil when fewer than two rows or no tree
    /// varies (every objective equal).
    static func evaluate(
        x: [[Double]], y: [Double], bounds: [(lower: Double, upper: Double)],
        groups: [(name: String, columns: [Int])], settings: Settings
    ) -> [Entry]? {
        guard x.count >= 2 else { return nil }
        var generator = SplitMix64(seed: settings.seed)
        var trees: [FanovaTree] = []
        for _ in 0..<settings.trees {
            let sample = (0..<x.count).map { _ in generator.nextIndex(below: x.count) }
            let tree = RegressionTree(
                x: x, y: y, sample: sample, maxDepth: settings.maxDepth, generator: &generator)
            trees.append(FanovaTree(tree: tree, bounds: bounds))
        }
        let variances = trees.map(\.variance)
        guard variances.contains(where: { $0 > 0 }) else { return nil }
        let raw = groups.map { group -> Double in
            let fractions = zip(trees, variances).filter { $0.1 > 0 }.map { tree, variance in
                tree.marginalVariance(features: group.columns) / variance
            }
            return fractions.reduce(0, +) / Double(fractions.count)
        }
        let total = raw.reduce(0, +)
        return zip(groups, raw).map { group, value in
            Entry(parameter: group.name, importance: total > 0 ? value / total : 0)
        }.sorted { $0.importance > $1.importance }
    }

    /// The importances of the parameters in `received` (``ReportParameter/all(for:received:)``)
    /// for `objective`, from the completed trials in `ranking`; nil when fewer than two such
    /// trials or the objective never varies.
    public static func evaluate(
        _ ranking: [RankedTrial], objective: Objective, settings: Settings = Settings(),
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> [Entry]? {
        evaluate(
            points: ObjectivePoint.points(ranking, objective: objective), settings: settings,
            received: received)
    }

    /// The importances of the parameters in `received` for the objective, from the completed
    /// `points`; nil when fewer than two or the objective never varies.
    public static func evaluate(
        points all: [ObjectivePoint], settings: Settings = Settings(),
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> [Entry]? {
        var points = all.filter { $0.state == .completed }
        if let maxTrials = settings.maxTrials, points.count > maxTrials {
            var generator = SplitMix64(seed: settings.seed)
            points.shuffle(using: &generator)
            points = Array(points.prefix(maxTrials))
        }
        let parameters = ReportParameter.all(for: points.map(\.parameters), received: received)
        var columns: [[Double]] = Array(repeating: [], count: points.count)
        var bounds: [(lower: Double, upper: Double)] = []
        var groups: [(name: String, columns: [Int])] = []
        var single: [String] = []
        for parameter in parameters {
            let values = points.map { parameter.value(of: $0.parameters) }
            guard let low = values.min(), let high = values.max(), low < high else {
                single.append(parameter.name)
                continue
            }
            if let categories = parameter.categories {
                let first = bounds.count
                for category in categories.indices {
                    bounds.append((0, 1))
                    for row in points.indices {
                        columns[row].append(values[row] == Double(category) ? 1 : 0)
                    }
                }
                groups.append((parameter.name, Array(first..<bounds.count)))
            } else {
                groups.append((parameter.name, [bounds.count]))
                bounds.append((low, high))
                for row in points.indices { columns[row].append(values[row]) }
            }
        }
        guard !groups.isEmpty,
            let entries = evaluate(
                x: columns, y: points.map(\.objective), bounds: bounds, groups: groups,
                settings: settings)
        else { return nil }
        return entries + single.map { Entry(parameter: $0, importance: 0) }
    }
}
