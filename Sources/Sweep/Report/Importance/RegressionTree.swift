import Trainer

/// A CART regression tree as scikit-learn's `DecisionTreeRegressor` grows it inside a random
/// forest: squared-error splits over every feature (visited in random order, the first best
/// split kept), thresholds halfway between neighbouring values, leaves of at least one sample,
/// grown until pure or `maxDepth`.
struct RegressionTree: Sendable {
    /// A node: a split (`feature` ≥ 0, go left when `x[feature] <= threshold`) or a leaf
    /// (`feature` = -1) predicting `value`.
    struct Node: Sendable {
        var feature: Int
        var threshold: Double
        var left: Int
        var right: Int
        var value: Double
    }

    private(set) var nodes: [Node] = []

    /// Fits the tree on the rows `sample` of `x` (repeats allowed: a bootstrap sample).
    init(
        x: [[Double]], y: [Double], sample: [Int], maxDepth: Int,
        generator: inout SplitMix64
    ) {
        let featureCount = x.first?.count ?? 0
        var pending: [(node: Int, rows: [Int], depth: Int)] = []
        nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
        pending.append((0, sample, 0))
        while let (node, rows, depth) = pending.popLast() {
            let values = rows.map { y[$0] }
            nodes[node].value = values.reduce(0, +) / Double(max(values.count, 1))
            let pure = values.allSatisfy { $0 == values.first }
            guard rows.count >= 2, depth < maxDepth, !pure,
                let split = Self.bestSplit(
                    x: x, y: y, rows: rows, featureCount: featureCount, generator: &generator)
            else { continue }
            let left = nodes.count
            nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            nodes.append(Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            nodes[node].feature = split.feature
            nodes[node].threshold = split.threshold
            nodes[node].left = left
            nodes[node].right = left + 1
            let goesLeft = rows.filter { x[$0][split.feature] <= split.threshold }
            let goesRight = rows.filter { x[$0][split.feature] > split.threshold }
            pending.append((left, goesLeft, depth + 1))
            pending.append((left + 1, goesRight, depth + 1))
        }
    }

    /// The split with the lowest summed squared error of its two sides; nil when every feature
    /// is constant over `rows`.
    private static func bestSplit(
        x: [[Double]], y: [Double], rows: [Int], featureCount: Int,
        generator: inout SplitMix64
    ) -> (feature: Int, threshold: Double)? {
        var features = Array(0..<featureCount)
        features.shuffle(using: &generator)
        let total = rows.reduce(0.0) { $0 + y[$1] }
        let count = Double(rows.count)
        var best: (feature: Int, threshold: Double, score: Double)?
        for feature in features {
            let ordered = rows.sorted { x[$0][feature] < x[$1][feature] }
            var leftSum = 0.0
            for position in 0..<(ordered.count - 1) {
                leftSum += y[ordered[position]]
                let here = x[ordered[position]][feature]
                let next = x[ordered[position + 1]][feature]
                guard here < next else { continue }
                let leftCount = Double(position + 1)
                let rightSum = total - leftSum
                // Maximising this minimises the squared error of the two sides.
                let score =
                    leftSum * leftSum / leftCount + rightSum * rightSum / (count - leftCount)
                if best == nil || score > (best?.score ?? 0) {
                    var threshold = (here + next) / 2
                    if threshold == next { threshold = here }
                    best = (feature, threshold, score)
                }
            }
        }
        return best.map { ($0.feature, $0.threshold) }
    }

    /// The tree's prediction at `point`.
    func predict(_ point: [Double]) -> Double {
        var node = 0
        while nodes[node].feature >= 0 {
            node =
                point[nodes[node].feature] <= nodes[node].threshold
                ? nodes[node].left : nodes[node].right
        }
        return nodes[node].value
    }
}
