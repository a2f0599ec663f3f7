import Foundation
import Trainer

/// What `top`, `status`, `list` and `export` read from a store (SQLite file or PostgreSQL).
public protocol TrialReader: Sendable {
    /// The store as messages name it: a file path, or `postgres://USER@HOST:PORT/DATABASE`.
    var location: String { get }
    /// The names of the stored sweeps, oldest first.
    func sweepNames() throws -> [String]
    /// Every stored sweep with its counts per state and best trial, oldest first.
    func sweeps() throws -> [SweepSummary]
    /// The summary, running trials and problems of the sweep `name`.
    func status(sweep name: String) throws -> SweepStatus
    /// Every trial of the sweep `name` in plan order, with its final (or last-epoch) metrics;
    /// ``StoreError/unknownSweep(name:known:path:)`` when there is no such sweep.
    func trials(sweep name: String) throws -> [TrialRecord]
    /// The objective of the sweep `name`: the `objective:` of its stored sweep file.
    func objective(sweep name: String) throws -> Objective
    /// The sweep file text and creation time stored with the sweep `name`.
    func sweepSource(sweep name: String) throws -> (text: String, createdAt: Date)
    /// The stored epochs of the trials with `keys`, by trial key, in epoch order (the learning
    /// curves a report draws).
    func epochReports(keys: [String]) throws -> [String: [EpochReport]]
}

extension TrialReader {
    /// The sweep's trials ranked (see ``Ranking``) by `objective`, or by the sweep's stored
    /// objective when nil: completed and pruned trials with metrics.
    public func ranking(
        sweep name: String, objective: Objective? = nil
    ) throws -> [RankedTrial] {
        let objective = try objective ?? self.objective(sweep: name)
        return Ranking.rank(try trials(sweep: name), objective: objective)
    }

    /// The sweep file stored with the sweep `name`, as the views read it.
    public func storedFile(sweep name: String) throws -> StoredSweepFile {
        StoredSweepFile(text: try sweepSource(sweep: name).text)
    }
}

extension SQLiteTrialStore: TrialReader {
    public var location: String { path }
}
