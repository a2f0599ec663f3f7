import Foundation
import GRDB
import Trainer

/// Claims and leases for agents sharing one SQLite file on a local disk: each claim is one
/// `BEGIN IMMEDIATE` transaction (the database's write lock), so two agents never take the same
/// trial; every later write checks the claim's attempt number in its own transaction.
extension SQLiteTrialStore {
    public func claim(sweepID: Int64, owner: String, at: Date) throws(StoreError) -> ClaimedTrial? {
        let claimed = try writeImmediately { db -> (key: String, json: String?, attempt: Int)? in
            try requireSweep(db, id: sweepID)
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, key, config_json, attempts FROM trial
                        WHERE sweep_id = ? AND state = ? ORDER BY plan_index, id LIMIT 1
                        """,
                    arguments: [sweepID, TrialState.queued.rawValue])
            else { return nil }
            let attempt = (row["attempts"] as Int) + 1
            try db.execute(
                sql: """
                    UPDATE trial SET state = ?, worker_pid = NULL, attempts = ?, started_at = ?,
                                     ended_at = NULL, epochs_reached = 0, heartbeat_at = ?,
                                     owner = ?
                    WHERE id = ?
                    """,
                arguments: [TrialState.running.rawValue, attempt, at, at, owner, row["id"]])
            return (row["key"], row["config_json"], attempt)
        }
        guard let claimed else { return nil }
        return ClaimedTrial(
            config: try decodeConfig(claimed.json, key: claimed.key), attempt: claimed.attempt)
    }

    public func heartbeat(key: String, attempt: Int, pid: Int32?, at: Date) throws(StoreError) {
        try writeImmediately { db in
            let trialID = try requireClaim(db, key: key, attempt: attempt)
            try db.execute(
                sql: """
                    UPDATE trial SET heartbeat_at = ?, worker_pid = COALESCE(?, worker_pid)
                    WHERE id = ?
                    """,
                arguments: [at, pid, trialID])
        }
    }

    public func requeueExpired(sweepID: Int64, before: Date) throws(StoreError) -> [String] {
        try writeImmediately { db in
            let expired = "sweep_id = ? AND state = ? AND heartbeat_at < ?"
            let arguments: StatementArguments = [sweepID, TrialState.running.rawValue, before]
            let keys = try String.fetchAll(
                db, sql: "SELECT key FROM trial WHERE \(expired) ORDER BY plan_index",
                arguments: arguments)
            try db.execute(
                sql: """
                    UPDATE trial SET state = ?, worker_pid = NULL, heartbeat_at = NULL,
                                     error = 'lease expired: no heartbeat from its agent'
                    WHERE \(expired)
                    """,
                arguments: [TrialState.queued.rawValue] + arguments)
            return keys
        }
    }

    public func recordEpoch(key: String, attempt: Int, report: EpochReport) throws(StoreError) {
        try writeImmediately { db in
            try recordEpoch(
                db, trialID: try requireClaim(db, key: key, attempt: attempt), report: report)
        }
    }

    public func finish(key: String, attempt: Int, outcome: TrialOutcome) throws(StoreError) {
        try writeImmediately { db in
            try finish(
                db, trialID: try requireClaim(db, key: key, attempt: attempt), outcome: outcome)
        }
    }

    public func requeue(key: String, attempt: Int, error: String) throws(StoreError) {
        try writeImmediately { db in
            let trialID = try requireClaim(db, key: key, attempt: attempt)
            try db.execute(
                sql: """
                    UPDATE trial SET state = ?, worker_pid = NULL, heartbeat_at = NULL, error = ?
                    WHERE id = ?
                    """,
                arguments: [TrialState.queued.rawValue, error, trialID])
        }
    }

    public func pendingCounts(sweepID: Int64) throws(StoreError) -> PendingCounts {
        try read { db in
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(state = ?), 0) AS queued,
                           COALESCE(SUM(state = ?), 0) AS running
                    FROM trial WHERE sweep_id = ?
                    """,
                arguments: [TrialState.queued.rawValue, TrialState.running.rawValue, sweepID])
            return PendingCounts(queued: counts?["queued"] ?? 0, running: counts?["running"] ?? 0)
        }
    }

    /// The row id of the trial `key` while claim `attempt` holds it (running, same attempt);
    /// else ``StoreError/staleAttempt(key:attempt:path:)`` (or `unknownTrial`).
    private func requireClaim(_ db: Database, key: String, attempt: Int) throws -> Int64 {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, state, attempts FROM trial WHERE key = ?", arguments: [key])
        else {
            throw StoreError.unknownTrial(key: key, path: path)
        }
        let state: String = row["state"]
        let attempts: Int = row["attempts"]
        guard state == TrialState.running.rawValue, attempts == attempt else {
            throw StoreError.staleAttempt(key: key, attempt: attempt, path: path)
        }
        return row["id"]
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken first, so a
    /// read-then-write cannot race another process's.
    private func writeImmediately<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
                do {
                    let result = try body(db)
                    try db.execute(sql: "COMMIT TRANSACTION")
                    return result
                } catch {
                    try? db.execute(sql: "ROLLBACK TRANSACTION")
                    throw error
                }
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}
