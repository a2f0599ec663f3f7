import Foundation
import Sweep

/// The result of `sweep-cli bench search --db`: the grid's size, best and trial-epochs, and per
/// method the trials and trial-epochs needed to train a config within the gap of that best.
public struct SearchEarlyStopReport: Sendable, Equatable, Codable {
    public struct Grid: Sendable, Equatable, Codable {
        public let configs: Int
        public let best: Double
        public let trialEpochs: Int

        enum CodingKeys: String, CodingKey {
            case configs, best
            case trialEpochs = "trial_epochs"
        }
    }

    /// One method's runs.
    public struct Method: Sendable, Equatable, Codable {
        public let trials: SearchStatistics
        public let trialEpochs: SearchStatistics
        /// ``trialEpochs``' median, mean and 90th percentile as shares of the grid's.
        public let share: [String: Double]

        enum CodingKeys: String, CodingKey {
            case trials, share
            case trialEpochs = "trial_epochs"
        }
    }

    public let table: Grid
    public let methods: [String: Method]

    /// Runs every method of `methods` over `seeds` seeds.
    public init(
        benchmark: SearchEarlyStopBenchmark, methods: [SearchStrategy], seeds: Int
    ) throws(TPEError) {
        let grid = benchmark.curves
        table = Grid(configs: grid.curves.count, best: grid.best, trialEpochs: grid.fullTrialEpochs)
        var results: [String: Method] = [:]
        for method in methods {
            let runs = try benchmark.runs(method, seeds: seeds)
            let epochs = SearchStatistics(runs: runs.map(\.trialEpochs))
            let full = Double(max(grid.fullTrialEpochs, 1))
            results[method.rawValue] = Method(
                trials: SearchStatistics(runs: runs.map(\.trials)), trialEpochs: epochs,
                share: [
                    "median": epochs.median / full, "mean": epochs.mean / full,
                    "p90": epochs.p90 / full,
                ])
        }
        self.methods = results
    }

    /// `{"table": {"configs": N, "best": x, "trial_epochs": E}, "methods": {"tpe": {"trials":
    /// {…}, "trial_epochs": {…}, "share": {…}}}}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Two lines per method, in `order`.
    public func text(order: [SearchStrategy], gap: Double) -> String {
        var lines = [
            "grid: \(table.configs) configs, best \(table.best), \(table.trialEpochs) "
                + "trial-epochs; to train a config within \(gap) of the best:"
        ]
        for method in order {
            guard let result = methods[method.rawValue] else { continue }
            let trials = result.trials
            let epochs = result.trialEpochs
            lines.append(
                "\(method.rawValue): trials median \(trials.median), mean "
                    + "\(Self.format(trials.mean)), p90 \(Self.format(trials.p90)); "
                    + "trial-epochs median \(epochs.median) = \(Self.percent(result.share["median"])), "
                    + "mean \(Self.format(epochs.mean)) = \(Self.percent(result.share["mean"])), "
                    + "p90 \(Self.format(epochs.p90)) = \(Self.percent(result.share["p90"])) "
                    + "over \(trials.runs.count) seeds")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private static func percent(_ share: Double?) -> String {
        String(format: "%.1f%%", 100 * (share ?? 0))
    }
}
