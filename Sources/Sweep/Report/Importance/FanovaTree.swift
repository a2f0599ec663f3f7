/// The functional-ANOVA decomposition of one regression tree over a box-shaped search space
/// (Hutter, Hoos & Leyton-Brown 2014, as Optuna's `_FanovaTree` computes it): the tree's
/// variance over the uniform space, and the variance of its marginal over a group of features.
struct FanovaTree: Sendable {
    private struct Leaf {
        var value: Double
        var lower: [Double]
        var upper: [Double]
    }

    private let bounds: [(lower: Double, upper: Double)]
    private let leaves: [Leaf]
    /// Per feature: the sorted distinct thresholds the tree splits it at.
    private let splits: [[Double]]

    init(tree: RegressionTree, bounds: [(lower: Double, upper: Double)]) {
        self.bounds = bounds
        var leaves: [Leaf] = []
        var splits = Array(repeating: Set<Double>(), count: bounds.count)
        var pending = [(0, bounds.map(\.lower), bounds.map(\.upper))]
        while let (index, lower, upper) = pending.popLast() {
            let node = tree.nodes[index]
            guard node.feature >= 0 else {
                leaves.append(Leaf(value: node.value, lower: lower, upper: upper))
                continue
            }
            splits[node.feature].insert(node.threshold)
            var leftUpper = upper
            leftUpper[node.feature] = node.threshold
            var rightLower = lower
            rightLower[node.feature] = node.threshold
            pending.append((node.left, lower, leftUpper))
            pending.append((node.right, rightLower, upper))
        }
        self.leaves = leaves
        self.splits = splits.map { $0.sorted() }
    }

    /// The variance of the tree's prediction over the uniform search space.
    var variance: Double {
        weightedVariance(leaves.map { ($0.value, volume(of: $0, excluding: [])) })
    }

    /// The variance of the tree's marginal prediction over `features` (the other features
    /// averaged out), clipped at 0: the cells between neighbouring thresholds of those
    /// features, each weighted by its size.
    func marginalVariance(features: [Int]) -> Double {
        let intervals = features.map { feature -> [Double] in
            [bounds[feature].lower] + splits[feature] + [bounds[feature].upper]
        }
        let counts = intervals.map { $0.count - 1 }
        let cellCount = counts.reduce(1, *)
        var marginal = Array(repeating: 0.0, count: cellCount)
        let otherVolume = bounds.indices.filter { !features.contains($0) }.reduce(1.0) {
            $0 * (bounds[$1].upper - bounds[$1].lower)
        }
        for leaf in leaves {
            let share = leaf.value * volume(of: leaf, excluding: features) / otherVolume
            let ranges = features.indices.map { position -> Range<Int> in
                let edges = intervals[position]
                let feature = features[position]
                let first = Self.firstIndex(in: edges) { $0 >= leaf.lower[feature] }
                let last = Self.firstIndex(in: edges) { $0 > leaf.upper[feature] } - 1
                return first..<max(first, last)
            }
            forEachCell(in: ranges, counts: counts) { marginal[$0] += share }
        }
        var weighted: [(Double, Double)] = []
        forEachCell(in: counts.map { 0..<$0 }, counts: counts) { cell in
            var size = 1.0
            var rest = cell
            for position in features.indices.reversed() {
                let interval = rest % counts[position]
                rest /= counts[position]
                size *= intervals[position][interval + 1] - intervals[position][interval]
            }
            weighted.append((marginal[cell], size))
        }
        return max(0, weightedVariance(weighted))
    }

    /// Calls `body` with the flat index of every cell in the product of `ranges`.
    private func forEachCell(in ranges: [Range<Int>], counts: [Int], _ body: (Int) -> Void) {
        guard ranges.allSatisfy({ !$0.isEmpty }) else { return }
        var position = ranges.map(\.lowerBound)
        while true {
            body(position.indices.reduce(0) { $0 * counts[$1] + position[$1] })
            var digit = position.count - 1
            while digit >= 0 {
                position[digit] += 1
                if position[digit] < ranges[digit].upperBound { break }
                position[digit] = ranges[digit].lowerBound
                digit -= 1
            }
            if digit < 0 { return }
        }
    }

    /// The first index of the sorted `edges` where `isPast` holds (`edges.count` when none).
    private static func firstIndex(in edges: [Double], where isPast: (Double) -> Bool) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(edges[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func volume(of leaf: Leaf, excluding features: [Int]) -> Double {
        bounds.indices.reduce(1.0) { product, feature in
            features.contains(feature)
                ? product : product * (leaf.upper[feature] - leaf.lower[feature])
        }
    }

    private func weightedVariance(_ values: [(value: Double, weight: Double)]) -> Double {
        let total = values.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let mean = values.reduce(0) { $0 + $1.value * $1.weight } / total
        return values.reduce(0) { $0 + ($1.value - mean) * ($1.value - mean) * $1.weight } / total
    }
}
