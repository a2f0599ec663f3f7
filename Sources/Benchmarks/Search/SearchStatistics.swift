/// How many trials the runs of one method needed to come within the gap of the table's best.
public struct SearchStatistics: Sendable, Equatable, Codable {
    public let median: Double
    public let mean: Double
    /// 90th percentile, linearly interpolated between order statistics (numpy's default).
    public let p90: Double
    /// Trials needed per seed, in seed order; a run that never got there counts budget + 1.
    public let runs: [Int]

    public init(runs: [Int]) {
        self.runs = runs
        let sorted = runs.sorted().map(Double.init)
        median = Self.quantile(sorted, 0.5)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        p90 = Self.quantile(sorted, 0.9)
    }

    /// The `q`-quantile of ascending `sorted` values, numpy's linear method.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
