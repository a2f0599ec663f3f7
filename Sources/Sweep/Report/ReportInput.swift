import Foundation
import Trainer

/// What a report is made from: one sweep as the store holds it, and the time it is written.
public struct ReportInput: Sendable {
    public var sweep: String
    /// The sweep file as stored when the sweep was created.
    public var specText: String
    /// The metric the report ranks and charts by: the sweep file's `objective:` unless
    /// overridden (`--objective`).
    public var objective: Objective
    public var createdAt: Date
    /// Every trial, in plan order.
    public var trials: [TrialRecord]
    /// The stored epochs of the trials whose learning curves are drawn
    /// (``LearningCurveChart/trials(_:ranking:)``), by trial key.
    public var epochs: [String: [EpochReport]]
    public var now: Date
    /// The `--watch` interval: the page reloads itself this often; nil for a one-off report.
    public var refreshSeconds: Int?

    public init(
        sweep: String, specText: String, createdAt: Date, trials: [TrialRecord],
        epochs: [String: [EpochReport]], now: Date = Date(), refreshSeconds: Int? = nil,
        objective: Objective? = nil
    ) {
        self.sweep = sweep
        self.specText = specText
        self.objective = objective ?? SweepSpec.objective(storedIn: specText)
        self.createdAt = createdAt
        self.trials = trials
        self.epochs = epochs
        self.now = now
        self.refreshSeconds = refreshSeconds
    }

    /// Reads the sweep `name` from `store`, ranked by `objective` or the sweep's own;
    /// ``StoreError/unknownSweep(name:known:path:)`` when there is none.
    public static func load(
        from store: any TrialReader, sweep name: String, now: Date = Date(),
        refreshSeconds: Int? = nil, objective: Objective? = nil
    ) throws -> ReportInput {
        let source = try store.sweepSource(sweep: name)
        let trials = try store.trials(sweep: name)
        let objective = objective ?? SweepSpec.objective(storedIn: source.text)
        let drawn = LearningCurveChart.trials(
            trials, ranking: Ranking.rank(trials, objective: objective))
        return ReportInput(
            sweep: name, specText: source.text, createdAt: source.createdAt, trials: trials,
            epochs: try store.epochReports(keys: drawn.map(\.key)), now: now,
            refreshSeconds: refreshSeconds, objective: objective)
    }
}
