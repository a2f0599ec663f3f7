import Foundation
import Sweep

/// The result of `sweep-cli bench search`: the table's size and best, and per method the trials
/// needed to come within the gap of that best.
public struct SearchBenchmarkReport: Sendable, Equatable, Codable {
    public struct Table: Sendable, Equatable, Codable {
        public let configs: Int
        /// Configs without a row (diverged or failed in the grid run).
        public let absent: Int
        public let best: Double
    }

    public let table: Table
    public let methods: [String: SearchStatistics]

    /// Runs every method of `methods` over `seeds` seeds.
    public init(
        benchmark: SearchBenchmark, methods: [SearchStrategy], seeds: Int
    ) throws(TPEError) {
        table = Table(
            configs: benchmark.table.configs, absent: benchmark.table.absent,
            best: benchmark.table.best)
        var statistics: [String: SearchStatistics] = [:]
        for method in methods {
            statistics[method.rawValue] = try benchmark.statistics(method, seeds: seeds)
        }
        self.methods = statistics
    }

    /// `{"table": {"configs": N, "best": x}, "methods": {"tpe": {"median": …, …}}}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// One line per method, in `order`.
    public func text(order: [SearchStrategy], gap: Double) -> String {
        var lines = [
            "table: \(table.configs) configs"
                + (table.absent > 0 ? " (\(table.absent) diverged or failed)" : "")
                + ", best \(table.best); trials to reach best - \(gap):"
        ]
        for method in order {
            guard let stats = methods[method.rawValue] else { continue }
            lines.append(
                "\(method.rawValue): median \(stats.median), mean \(Self.format(stats.mean)), "
                    + "p90 \(Self.format(stats.p90)) over \(stats.runs.count) seeds")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
