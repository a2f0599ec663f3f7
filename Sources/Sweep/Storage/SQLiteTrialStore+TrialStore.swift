import Foundation
import GRDB
import Trainer

extension SQLiteTrialStore: TrialStore {
    public func openSweep(name: String, specText: String) throws(StoreError) -> Int64 {
        try write { db in
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM sweep WHERE name = ?", arguments: [name])
            {
                return id
            }
            try db.execute(
                sql: "INSERT INTO sweep (name, spec_text, created_at) VALUES (?, ?, ?)",
                arguments: [name, specText, Date()])
            return db.lastInsertedRowID
        }
    }

    public func plan(
        sweepID: Int64, trials: [TrialConfig], limit: Int?
    ) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write { db in
            try requireSweep(db, id: sweepID)
            let stored = try storedTrainingConfigs(db, sweepID: sweepID)
            if let changes = TrainerSettingsChange.firstConflict(stored: stored, planned: trials) {
                let name =
                    try String.fetchOne(
                        db, sql: "SELECT name FROM sweep WHERE id = ?", arguments: [sweepID]) ?? "?"
                throw StoreError.trainerSettingsChanged(sweep: name, changes: changes, path: path)
            }
            let lastIndex = try Int.fetchOne(
                db, sql: "SELECT MAX(plan_index) FROM trial WHERE sweep_id = ?",
                arguments: [sweepID])
            let numbered = PlanNumbering.numbered(
                trials, storedKeys: Set(stored.keys), lastStoredIndex: lastIndex, limit: limit)
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO trial (sweep_id, key, plan_index, lr, weight_decay, batch_size,
                                       loss, seed, config_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO NOTHING
                    """)
            for trial in numbered {
                let json = String(decoding: try encoder.encode(trial), as: UTF8.self)
                try statement.execute(arguments: [
                    sweepID, trial.key, trial.index, trial.parameters.lr,
                    trial.parameters.weightDecay, trial.parameters.batchSize,
                    trial.parameters.loss.rawValue, Int64(bitPattern: trial.seed), json,
                ])
            }
        }
    }

    public func requeueUnfinished(sweepID: Int64) throws(StoreError) -> [Int32] {
        try write { db in
            try requireSweep(db, id: sweepID)
            let unfinished = "sweep_id = ? AND state IN (?, ?)"
            let unfinishedArguments: StatementArguments = [
                sweepID, TrialState.running.rawValue, TrialState.interrupted.rawValue,
            ]
            let pids = try Int32.fetchAll(
                db,
                sql: """
                    SELECT worker_pid FROM trial
                    WHERE \(unfinished) AND worker_pid IS NOT NULL ORDER BY plan_index
                    """,
                arguments: unfinishedArguments)
            try db.execute(
                sql: "UPDATE trial SET state = ?, worker_pid = NULL WHERE \(unfinished)",
                arguments: [TrialState.queued.rawValue] + unfinishedArguments)
            return pids
        }
    }

    public func queuedTrials(sweepID: Int64) throws(StoreError) -> [TrialConfig] {
        let rows = try read { db in
            try requireSweep(db, id: sweepID)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT key, config_json FROM trial
                    WHERE sweep_id = ? AND state = ? ORDER BY plan_index, id
                    """,
                arguments: [sweepID, TrialState.queued.rawValue])
        }
        return try rows.map { row throws(StoreError) in
            try decodeConfig(row["config_json"], key: row["key"])
        }
    }

    public func markRunning(key: String, pid: Int32, at: Date) throws(StoreError) {
        try updateTrial(
            key: key,
            sql: """
                UPDATE trial SET state = ?, worker_pid = ?, attempts = attempts + 1,
                                 started_at = ?, ended_at = NULL, epochs_reached = 0,
                                 heartbeat_at = NULL, owner = NULL
                WHERE key = ?
                """,
            arguments: [TrialState.running.rawValue, pid, at, key])
    }

    public func requeue(key: String, error: String) throws(StoreError) {
        try updateTrial(
            key: key,
            sql: "UPDATE trial SET state = ?, worker_pid = NULL, error = ? WHERE key = ?",
            arguments: [TrialState.queued.rawValue, error, key])
    }

    public func attempts(key: String) throws(StoreError) -> Int {
        let attempts = try read { db in
            try Int.fetchOne(db, sql: "SELECT attempts FROM trial WHERE key = ?", arguments: [key])
        }
        guard let attempts else { throw .unknownTrial(key: key, path: path) }
        return attempts
    }

    public func recordEpoch(key: String, report: EpochReport) throws(StoreError) {
        try write { db in
            try recordEpoch(db, trialID: try requireTrial(db, key: key), report: report)
        }
    }

    /// Stores one epoch of the trial `trialID` (inside a write).
    func recordEpoch(_ db: Database, trialID: Int64, report: EpochReport) throws {
        let columns = MetricColumns.names
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = [trialID, report.epoch, report.loss]
        values += MetricColumns.values(report.metrics).map { $0 }
        values.append(report.seconds)
        values.append(MetricColumns.reportedText(report.metrics))
        try db.execute(
            sql: """
                INSERT INTO epoch_metric (trial_id, epoch, loss, \(columns.joined(separator: ", ")),
                                          seconds, \(MetricColumns.reported))
                VALUES (?, ?, ?, \(placeholders), ?, ?)
                ON CONFLICT(trial_id, epoch) DO UPDATE SET
                    loss = excluded.loss, \(MetricColumns.upsertAssignments),
                    seconds = excluded.seconds
                """,
            arguments: StatementArguments(values))
        try db.execute(
            sql: "UPDATE trial SET epochs_reached = MAX(epochs_reached, ?) WHERE id = ?",
            arguments: [report.epoch, trialID])
    }

    public func finish(key: String, outcome: TrialOutcome) throws(StoreError) {
        try write { db in try finish(db, trialID: try requireTrial(db, key: key), outcome: outcome)
        }
    }

    /// Stores the final state and metrics of the trial `trialID` (inside a write).
    func finish(_ db: Database, trialID: Int64, outcome: TrialOutcome) throws {
        let result = outcome.result
        let epochs = max(outcome.epochsReached, result?.epochs ?? 0)
        try db.execute(
            sql: """
                UPDATE trial SET state = ?, ended_at = ?, epochs_reached = ?, error = ?,
                                 worker_pid = NULL, heartbeat_at = NULL
                WHERE id = ?
                """,
            arguments: [
                outcome.state.rawValue, outcome.endedAt, epochs,
                outcome.error ?? result?.reason, trialID,
            ])
        if let result {
            try upsertFinalMetric(db, trialID: trialID, result: result)
        } else {
            try db.execute(
                sql: "DELETE FROM final_metric WHERE trial_id = ?", arguments: [trialID])
        }
    }

    private func upsertFinalMetric(_ db: Database, trialID: Int64, result: TrainingResult) throws {
        let columns = MetricColumns.names
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = [
            trialID, result.status.rawValue, result.epochs, result.seconds,
            result.imagesPerSecond, result.reason,
        ]
        if let metrics = result.metrics {
            values += MetricColumns.values(metrics).map { $0 }
        } else {
            values += Array(repeating: nil, count: columns.count)
        }
        values.append(result.metrics.flatMap(MetricColumns.reportedText))
        try db.execute(
            sql: """
                INSERT INTO final_metric (trial_id, status, epochs, seconds, images_per_second,
                                          reason, \(columns.joined(separator: ", ")),
                                          \(MetricColumns.reported))
                VALUES (?, ?, ?, ?, ?, ?, \(placeholders), ?)
                ON CONFLICT(trial_id) DO UPDATE SET
                    status = excluded.status, epochs = excluded.epochs,
                    seconds = excluded.seconds, images_per_second = excluded.images_per_second,
                    reason = excluded.reason, \(MetricColumns.upsertAssignments)
                """,
            arguments: StatementArguments(values))
    }

    private func updateTrial(
        key: String, sql: String, arguments: StatementArguments
    ) throws(StoreError) {
        let changed = try write { db in
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
        if changed == 0 {
            throw .unknownTrial(key: key, path: path)
        }
    }

    /// The row id of the trial with `key`, or ``StoreError/unknownTrial(key:path:)``.
    func requireTrial(_ db: Database, key: String) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM trial WHERE key = ?", arguments: [key])
        else {
            throw StoreError.unknownTrial(key: key, path: path)
        }
        return id
    }

    func requireSweep(_ db: Database, id: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sweep WHERE id = ?", arguments: [id]) != nil
        else {
            throw StoreError.sqlite(path: path, message: "no sweep with id \(id)")
        }
    }

    /// The training config of every stored trial of the sweep, by key.
    func storedTrainingConfigs(_ db: Database, sweepID: Int64) throws -> [String: TrainingConfig] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT key, config_json FROM trial WHERE sweep_id = ?", arguments: [sweepID])
        var stored: [String: TrainingConfig] = [:]
        for row in rows {
            let key: String = row["key"]
            stored[key] = try decodeConfig(row["config_json"], key: key).training
        }
        return stored
    }

    func decodeConfig(_ json: String?, key: String) throws(StoreError) -> TrialConfig {
        do {
            return try JSONDecoder().decode(TrialConfig.self, from: Data((json ?? "").utf8))
        } catch {
            throw .corruptTrial(key: key, path: path, reason: String(describing: error))
        }
    }
}
