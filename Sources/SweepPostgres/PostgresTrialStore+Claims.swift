import Foundation
import PostgresNIO
import Sweep
import Trainer

/// Claims and leases: a claim takes the first queued trial with `FOR UPDATE SKIP LOCKED` (agents
/// claiming at once skip each other's rows instead of waiting); every later write of the claim
/// locks the trial's row and checks the claim's attempt number first.
extension PostgresTrialStore {
    public func claim(sweepID: Int64, owner: String, at: Date) throws(StoreError) -> ClaimedTrial? {
        // One statement, atomic on its own: no BEGIN/COMMIT round trips.
        let claimed = try session.withConnection { sql in
            try sql.rows(
                """
                UPDATE trial SET state = 'running', worker_pid = NULL, attempts = attempts + 1,
                                 started_at = \(at), ended_at = NULL, epochs_reached = 0,
                                 heartbeat_at = \(at), owner = \(owner)
                WHERE id = (SELECT id FROM trial
                            WHERE sweep_id = \(sweepID) AND state = 'queued'
                            ORDER BY plan_index, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING key, config_json, attempts
                """
            ).first?.decode((String, String, Int).self)
        }
        guard let (key, json, attempt) = claimed else { return nil }
        return ClaimedTrial(config: try decodeConfig(json, key: key), attempt: attempt)
    }

    public func heartbeat(key: String, attempt: Int, pid: Int32?, at: Date) throws(StoreError) {
        try session.transaction { sql in
            let trialID = try requireClaim(sql, key: key, attempt: attempt)
            try sql.execute(
                """
                UPDATE trial SET heartbeat_at = \(at),
                                 worker_pid = COALESCE(\(pid.map(Int64.init)), worker_pid)
                WHERE id = \(trialID)
                """)
        }
    }

    public func requeueExpired(sweepID: Int64, before: Date) throws(StoreError) -> [String] {
        try session.withConnection { sql in
            try sql.rows(
                """
                UPDATE trial SET state = 'queued', worker_pid = NULL, heartbeat_at = NULL,
                                 error = 'lease expired: no heartbeat from its agent'
                WHERE sweep_id = \(sweepID) AND state = 'running' AND heartbeat_at < \(before)
                RETURNING key
                """
            ).map { try $0.decode(String.self) }
        }
    }

    public func recordEpoch(key: String, attempt: Int, report: EpochReport) throws(StoreError) {
        try session.transaction { sql in
            try recordEpoch(
                sql, trialID: try requireClaim(sql, key: key, attempt: attempt), report: report)
        }
    }

    public func finish(key: String, attempt: Int, outcome: TrialOutcome) throws(StoreError) {
        try session.transaction { sql in
            try finish(
                sql, trialID: try requireClaim(sql, key: key, attempt: attempt), outcome: outcome)
        }
    }

    public func requeue(key: String, attempt: Int, error: String) throws(StoreError) {
        try session.transaction { sql in
            let trialID = try requireClaim(sql, key: key, attempt: attempt)
            try sql.execute(
                """
                UPDATE trial SET state = 'queued', worker_pid = NULL, heartbeat_at = NULL,
                                 error = \(error)
                WHERE id = \(trialID)
                """)
        }
    }

    public func pendingCounts(sweepID: Int64) throws(StoreError) -> PendingCounts {
        let counts = try session.transaction { sql in
            try sql.rows(
                """
                SELECT COUNT(*) FILTER (WHERE state = 'queued'),
                       COUNT(*) FILTER (WHERE state = 'running')
                FROM trial WHERE sweep_id = \(sweepID)
                """
            ).first?.decode((Int, Int).self)
        }
        return PendingCounts(queued: counts?.0 ?? 0, running: counts?.1 ?? 0)
    }

    /// Locks the trial `key`'s row while claim `attempt` holds it (running, same attempt);
    /// else throws ``StoreError/staleAttempt(key:attempt:path:)`` (or `unknownTrial`).
    private func requireClaim(_ sql: PostgresStatements, key: String, attempt: Int) throws -> Int64
    {
        guard
            let (trialID, state, attempts) = try sql.rows(
                "SELECT id, state, attempts FROM trial WHERE key = \(key) FOR UPDATE"
            ).first?.decode((Int64, String, Int).self)
        else {
            throw StoreError.unknownTrial(key: key, path: path)
        }
        guard state == TrialState.running.rawValue, attempts == attempt else {
            throw StoreError.staleAttempt(key: key, attempt: attempt, path: path)
        }
        return trialID
    }
}
