import Foundation
import GRDB
import Trainer

/// Read-side queries (`top`, `export`, `status`, `list`, and the scheduler's early-stopping rule).
/// Each runs on one consistent WAL snapshot, so it may run while another process writes.
extension SQLiteTrialStore {
    /// The names of the stored sweeps, oldest first.
    public func sweepNames() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sweep ORDER BY created_at, id")
        }
    }

    /// The most recently created sweep's name, nil when none is stored.
    public func latestSweepName() throws(StoreError) -> String? {
        try sweepNames().last
    }

    /// The id of the sweep `name`; ``StoreError/unknownSweep(name:known:path:)`` lists the known
    /// names when there is none.
    public func sweepID(named name: String) throws(StoreError) -> Int64 {
        let id = try read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM sweep WHERE name = ?", arguments: [name])
        }
        guard let id else {
            throw .unknownSweep(name: name, known: try sweepNames(), path: path)
        }
        return id
    }

    /// Every stored sweep with its counts per state and best trial, oldest first.
    public func sweeps() throws(StoreError) -> [SweepSummary] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, name, created_at, spec_text FROM sweep ORDER BY created_at, id")
            return try rows.map { row in
                try summary(
                    db, sweepID: row["id"], name: row["name"], createdAt: row["created_at"],
                    objective: SweepFileParser.objective(storedIn: row["spec_text"]))
            }
        }
    }

    /// The summary, running trials and problems of the sweep `name`.
    public func status(sweep name: String) throws(StoreError) -> SweepStatus {
        let sweepID = try sweepID(named: name)
        return try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT created_at, spec_text FROM sweep WHERE id = ?",
                arguments: [sweepID])
            let createdAt: Date? = row?["created_at"]
            let objective = SweepFileParser.objective(storedIn: row?["spec_text"] ?? "")
            let trials = try fetchTrials(db, sweepID: sweepID)
            let summary = SweepSummary(
                name: name, createdAt: createdAt ?? Date(timeIntervalSince1970: 0),
                counts: Self.counts(trials),
                best: Ranking.rank(trials, objective: objective).first, objective: objective)
            let problemStates: Set<TrialState> = [.failed, .timedOut, .diverged]
            return SweepStatus(
                summary: summary,
                running: trials.filter { $0.state == .running },
                problems: trials.filter { problemStates.contains($0.state) })
        }
    }

    /// Every trial of the sweep `name` in plan order, with its final (or last-epoch) metrics.
    public func trials(sweep name: String) throws(StoreError) -> [TrialRecord] {
        let sweepID = try sweepID(named: name)
        return try read { db in try fetchTrials(db, sweepID: sweepID) }
    }

    /// The sweep's trials ranked (see ``Ranking``) by `objective`, or by the sweep's stored
    /// objective when nil: completed and pruned trials with metrics.
    public func ranking(
        sweep name: String, objective: Objective? = nil
    ) throws(StoreError) -> [RankedTrial] {
        let objective =
            if let objective { objective } else { try self.objective(sweep: name) }
        return Ranking.rank(try trials(sweep: name), objective: objective)
    }

    /// The objective of the sweep `name`: the `objective:` of its stored sweep file.
    public func objective(sweep name: String) throws(StoreError) -> Objective {
        let sweepID = try sweepID(named: name)
        let text = try read { db in
            try String.fetchOne(
                db, sql: "SELECT spec_text FROM sweep WHERE id = ?", arguments: [sweepID])
        }
        return SweepFileParser.objective(storedIn: text ?? "")
    }

    /// The stored trial with `key`.
    public func trial(key: String) throws(StoreError) -> TrialRecord {
        let found = try read { db -> TrialRecord? in
            let sweepID = try Int64.fetchOne(
                db, sql: "SELECT sweep_id FROM trial WHERE key = ?", arguments: [key])
            guard let sweepID else { return nil }
            return try fetchTrials(db, sweepID: sweepID, key: key).first
        }
        guard let found else { throw .unknownTrial(key: key, path: path) }
        return found
    }

    /// The stored epochs of the trial `key`, in epoch order.
    public func epochReports(key: String) throws(StoreError) -> [EpochReport] {
        try read { db in
            let trialID = try requireTrial(db, key: key)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM epoch_metric WHERE trial_id = ? ORDER BY epoch",
                arguments: [trialID]
            ).map(Self.epochReport)
        }
    }

    /// Every trial's report for `epoch` in the sweep, by trial key (for rung-based early stopping).
    public func epochReports(sweepID: Int64, epoch: Int) throws(StoreError) -> [String: EpochReport]
    {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.key AS trial_key, e.* FROM epoch_metric e
                    JOIN trial t ON t.id = e.trial_id
                    WHERE t.sweep_id = ? AND e.epoch = ?
                    """,
                arguments: [sweepID, epoch])
            var reports: [String: EpochReport] = [:]
            for row in rows {
                reports[row["trial_key"]] = Self.epochReport(row)
            }
            return reports
        }
    }

    static func epochReport(_ row: Row) -> EpochReport {
        EpochReport(
            epoch: row["epoch"], loss: (row["loss"] as Double?) ?? .nan,
            metrics: MetricColumns.metrics(from: row) ?? .undefined,
            seconds: row["seconds"])
    }

    private func summary(
        _ db: Database, sweepID: Int64, name: String, createdAt: Date, objective: Objective
    ) throws -> SweepSummary {
        let trials = try fetchTrials(db, sweepID: sweepID)
        return SweepSummary(
            name: name, createdAt: createdAt, counts: Self.counts(trials),
            best: Ranking.rank(trials, objective: objective).first, objective: objective)
    }

    private static func counts(_ trials: [TrialRecord]) -> [TrialState: Int] {
        trials.reduce(into: [:]) { $0[$1.state, default: 0] += 1 }
    }
}
