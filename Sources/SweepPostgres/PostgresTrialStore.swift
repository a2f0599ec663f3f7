import Foundation
import PostgresNIO
import Sweep
import Trainer

/// The sweep store on a PostgreSQL server (`--db postgres://…`), shared by agents on many
/// machines. Same schema and semantics as ``SQLiteTrialStore``; claims use
/// `FOR UPDATE SKIP LOCKED`, so concurrent agents never take the same trial and never wait on
/// each other's claims. Every failure is a ``StoreError`` naming `postgres://USER@HOST:PORT/DB`
/// (never the password).
public final class PostgresTrialStore: TrialStore, Sendable {
    /// The server and database (its password resolved).
    public let url: PostgresURL
    let session: PostgresSession

    /// Connects (password from the URL, `PGPASSWORD` or `~/.pgpass`).
    /// - Parameter createSchema: apply the pending migrations (writers); when false the database
    ///   must already hold the sweep tables (readers), else ``StoreError/server(database:message:)``.
    public init(url: PostgresURL, createSchema: Bool = true) throws(StoreError) {
        self.url = url.resolvingPassword()
        session = try PostgresSession(url: self.url)
        if createSchema {
            try PostgresMigrations.migrate(session)
        } else if try !PostgresMigrations.hasSchema(session) {
            throw .server(
                database: self.url.description,
                message: "database without the sweep tables; run `sweep-cli agent` or "
                    + "`sweep-cli run` with this --db first")
        }
    }

    /// Parses `text` and connects (see ``init(url:createSchema:)``).
    public convenience init(_ text: String, createSchema: Bool = true) throws(StoreError) {
        try self.init(url: try PostgresURL(text), createSchema: createSchema)
    }

    /// Closes the connection; the store is unusable afterwards.
    public func close() {
        session.close()
    }

    var path: String { url.description }

    public func openSweep(name: String, specText: String) throws(StoreError) -> Int64 {
        try session.transaction { sql in
            let inserted = try sql.rows(
                """
                INSERT INTO sweep (name, spec_text, created_at) VALUES (\(name), \(specText), \(Date()))
                ON CONFLICT (name) DO NOTHING RETURNING id
                """)
            if let row = inserted.first {
                return try row.decode(Int64.self)
            }
            guard let row = try sql.rows("SELECT id FROM sweep WHERE name = \(name)").first else {
                throw StoreError.server(database: path, message: "sweep '\(name)' vanished")
            }
            return try row.decode(Int64.self)
        }
    }

    public func plan(
        sweepID: Int64, trials: [TrialConfig], limit: Int?
    ) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try session.transaction { sql in
            // Planners of one sweep take turns (the sweep row's lock), so ten agents starting
            // together plan each trial once, with one numbering.
            guard
                let name = try sql.rows(
                    "SELECT name FROM sweep WHERE id = \(sweepID) FOR UPDATE"
                ).first?.decode(String.self)
            else {
                throw StoreError.server(database: path, message: "no sweep with id \(sweepID)")
            }
            let stored = try storedTrainingConfigs(sql, sweepID: sweepID)
            if let changes = TrainerSettingsChange.firstConflict(stored: stored, planned: trials) {
                throw StoreError.trainerSettingsChanged(sweep: name, changes: changes, path: path)
            }
            let lastIndex = try sql.rows(
                "SELECT MAX(plan_index) FROM trial WHERE sweep_id = \(sweepID)"
            ).first?.decode(Int?.self)
            let numbered = PlanNumbering.numbered(
                trials, storedKeys: Set(stored.keys), lastStoredIndex: lastIndex, limit: limit)
            for trial in numbered where stored[trial.key] == nil {
                let json = String(decoding: try encoder.encode(trial), as: UTF8.self)
                let parameters = trial.parameters
                try sql.execute(
                    """
                    INSERT INTO trial (sweep_id, key, plan_index, lr, weight_decay, batch_size,
                                       loss, seed, config_json)
                    VALUES (\(sweepID), \(trial.key), \(trial.index), \(parameters.lr),
                            \(parameters.weightDecay), \(parameters.batchSize),
                            \(parameters.loss.rawValue), \(Int64(bitPattern: trial.seed)), \(json))
                    ON CONFLICT (key) DO NOTHING
                    """)
            }
        }
    }

    public func requeueUnfinished(sweepID: Int64) throws(StoreError) -> [Int32] {
        try session.transaction { sql in
            let pids = try sql.rows(
                """
                UPDATE trial t SET state = 'queued', worker_pid = NULL, heartbeat_at = NULL
                FROM trial old
                WHERE t.id = old.id AND t.sweep_id = \(sweepID)
                  AND t.state IN ('running', 'interrupted')
                RETURNING old.worker_pid, t.plan_index
                """
            ).map { try $0.decode((Int64?, Int).self) }
            return pids.sorted { $0.1 < $1.1 }.compactMap {
                $0.0.map { Int32(truncatingIfNeeded: $0) }
            }
        }
    }

    public func queuedTrials(sweepID: Int64) throws(StoreError) -> [TrialConfig] {
        let rows = try session.transaction { sql in
            try sql.rows(
                """
                SELECT key, config_json FROM trial WHERE sweep_id = \(sweepID) AND state = 'queued'
                ORDER BY plan_index, id
                """
            ).map { try $0.decode((String, String).self) }
        }
        return try rows.map { row throws(StoreError) in try decodeConfig(row.1, key: row.0) }
    }

    public func markRunning(key: String, pid: Int32, at: Date) throws(StoreError) {
        try updateTrial(key: key) { sql in
            try sql.execute(
                """
                UPDATE trial SET state = 'running', worker_pid = \(Int64(pid)),
                                 attempts = attempts + 1, started_at = \(at), ended_at = NULL,
                                 epochs_reached = 0, heartbeat_at = NULL, owner = NULL
                WHERE key = \(key)
                """)
        }
    }

    public func requeue(key: String, error: String) throws(StoreError) {
        try updateTrial(key: key) { sql in
            try sql.execute(
                """
                UPDATE trial SET state = 'queued', worker_pid = NULL, heartbeat_at = NULL,
                                 error = \(error)
                WHERE key = \(key)
                """)
        }
    }

    public func attempts(key: String) throws(StoreError) -> Int {
        let attempts = try session.transaction { sql in
            try sql.rows("SELECT attempts FROM trial WHERE key = \(key)").first?.decode(Int.self)
        }
        guard let attempts else { throw .unknownTrial(key: key, path: path) }
        return attempts
    }

    public func recordEpoch(key: String, report: EpochReport) throws(StoreError) {
        try session.transaction { sql in
            try recordEpoch(sql, trialID: try requireTrial(sql, key: key), report: report)
        }
    }

    public func finish(key: String, outcome: TrialOutcome) throws(StoreError) {
        try session.transaction { sql in
            try finish(sql, trialID: try requireTrial(sql, key: key), outcome: outcome)
        }
    }

    // MARK: Shared by the plain and the fenced writes

    func recordEpoch(_ sql: PostgresStatements, trialID: Int64, report: EpochReport) throws {
        let columns = MetricColumns.names
        var binds = PostgresBindings()
        binds.append(trialID)
        binds.append(Int64(report.epoch))
        binds.append(report.loss)
        for value in MetricColumns.values(report.metrics) {
            binds.append(value)
        }
        binds.append(report.seconds)
        binds.append(MetricColumns.reportedText(report.metrics))
        let placeholders = (1...(columns.count + 5)).map { "$\($0)" }.joined(separator: ", ")
        let updates = (["loss"] + columns + ["seconds", MetricColumns.reported])
            .map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        try sql.execute(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO epoch_metric (trial_id, epoch, loss, \(columns.joined(separator: ", ")),
                                              seconds, \(MetricColumns.reported))
                    VALUES (\(placeholders))
                    ON CONFLICT (trial_id, epoch) DO UPDATE SET \(updates)
                    """, binds: binds))
        try sql.execute(
            """
            UPDATE trial SET epochs_reached = GREATEST(epochs_reached, \(report.epoch))
            WHERE id = \(trialID)
            """)
    }

    func finish(_ sql: PostgresStatements, trialID: Int64, outcome: TrialOutcome) throws {
        let result = outcome.result
        let epochs = max(outcome.epochsReached, result?.epochs ?? 0)
        try sql.execute(
            """
            UPDATE trial SET state = \(outcome.state.rawValue), ended_at = \(outcome.endedAt),
                             epochs_reached = \(epochs), error = \(outcome.error ?? result?.reason),
                             worker_pid = NULL, heartbeat_at = NULL
            WHERE id = \(trialID)
            """)
        guard let result else {
            try sql.execute("DELETE FROM final_metric WHERE trial_id = \(trialID)")
            return
        }
        let columns = MetricColumns.names
        var binds = PostgresBindings()
        binds.append(trialID)
        binds.append(result.status.rawValue)
        binds.append(Int64(result.epochs))
        binds.append(result.seconds)
        binds.append(result.imagesPerSecond)
        binds.append(result.reason)
        if let metrics = result.metrics {
            for value in MetricColumns.values(metrics) {
                binds.append(value)
            }
        } else {
            // Metric columns are NULL when the run diverged before any evaluation.
            for _ in columns {
                binds.appendNull()
            }
        }
        binds.append(result.metrics.flatMap(MetricColumns.reportedText))
        let placeholders = (1...(columns.count + 7)).map { "$\($0)" }.joined(separator: ", ")
        let updates =
            (["status", "epochs", "seconds", "images_per_second", "reason"] + columns
            + [MetricColumns.reported])
            .map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        try sql.execute(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO final_metric (trial_id, status, epochs, seconds, images_per_second,
                                              reason, \(columns.joined(separator: ", ")),
                                              \(MetricColumns.reported))
                    VALUES (\(placeholders))
                    ON CONFLICT (trial_id) DO UPDATE SET \(updates)
                    """, binds: binds))
    }

    /// Runs `body` (one UPDATE of the trial `key`); ``StoreError/unknownTrial(key:path:)`` when
    /// it changed nothing.
    private func updateTrial(
        key: String, _ body: (PostgresStatements) throws -> Int
    ) throws(StoreError) {
        let changed = try session.transaction(body)
        if changed == 0 {
            throw .unknownTrial(key: key, path: path)
        }
    }

    func requireTrial(_ sql: PostgresStatements, key: String) throws -> Int64 {
        guard let row = try sql.rows("SELECT id FROM trial WHERE key = \(key)").first else {
            throw StoreError.unknownTrial(key: key, path: path)
        }
        return try row.decode(Int64.self)
    }

    private func storedTrainingConfigs(
        _ sql: PostgresStatements, sweepID: Int64
    ) throws -> [String: TrainingConfig] {
        var stored: [String: TrainingConfig] = [:]
        for row in try sql.rows("SELECT key, config_json FROM trial WHERE sweep_id = \(sweepID)") {
            let (key, json) = try row.decode((String, String).self)
            stored[key] = try decodeConfig(json, key: key).training
        }
        return stored
    }

    func decodeConfig(_ json: String, key: String) throws(StoreError) -> TrialConfig {
        do {
            return try JSONDecoder().decode(TrialConfig.self, from: Data(json.utf8))
        } catch {
            throw .corruptTrial(key: key, path: path, reason: String(describing: error))
        }
    }
}
