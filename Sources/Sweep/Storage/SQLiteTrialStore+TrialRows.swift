import Foundation
import GRDB
import Trainer

extension SQLiteTrialStore {
    /// The trials of a sweep (or the one with `key`) in plan order, joined with their final metrics,
    /// falling back to the last stored epoch (≤ `epochs_reached`) when there are none.
    func fetchTrials(_ db: Database, sweepID: Int64, key: String? = nil) throws -> [TrialRecord] {
        let reported =
            hasReportedMetrics ? "f.\(MetricColumns.reported)" : "NULL"
        let finalColumns =
            ((["status", "seconds", "images_per_second"] + MetricColumns.names)
            .map { "f.\($0) AS f_\($0)" } + ["\(reported) AS f_\(MetricColumns.reported)"])
            .joined(separator: ", ")
        var arguments: StatementArguments = [sweepID]
        var keyFilter = ""
        if let key {
            keyFilter = "AND t.key = ?"
            arguments += [key]
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT t.*, \(finalColumns),
                       (SELECT SUM(seconds) FROM epoch_metric
                        WHERE trial_id = t.id AND epoch <= t.epochs_reached) AS epoch_seconds
                FROM trial t LEFT JOIN final_metric f ON f.trial_id = t.id
                WHERE t.sweep_id = ? \(keyFilter)
                ORDER BY t.plan_index, t.id
                """,
            arguments: arguments)
        let lastEpochs = try lastEpochRows(db, sweepID: sweepID)
        return try rows.map { row in try record(row, lastEpoch: lastEpochs[row["id"]]) }
    }

    private func lastEpochRows(_ db: Database, sweepID: Int64) throws -> [Int64: Row] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.* FROM epoch_metric e JOIN trial t ON t.id = e.trial_id
                WHERE t.sweep_id = ?
                  AND e.epoch = (SELECT MAX(epoch) FROM epoch_metric
                                 WHERE trial_id = t.id AND epoch <= t.epochs_reached)
                """,
            arguments: [sweepID])
        return Dictionary(
            rows.map { ($0["trial_id"] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private func record(_ row: Row, lastEpoch: Row?) throws -> TrialRecord {
        let key: String = row["key"]
        let config = try decodeConfig(row["config_json"], key: key)
        let stateName: String = row["state"]
        guard let state = TrialState(rawValue: stateName) else {
            throw StoreError.corruptTrial(
                key: key, path: path, reason: "unknown state '\(stateName)'")
        }
        var metrics = MetricColumns.metrics(from: row, prefix: "f_")
        var source: TrialRecord.MetricsSource? = metrics == nil ? nil : .final
        if metrics == nil, let lastEpoch {
            metrics = MetricColumns.metrics(from: lastEpoch)
            source = .epoch(lastEpoch["epoch"])
        }
        return TrialRecord(
            config: config, state: state, attempts: row["attempts"],
            workerPID: row["worker_pid"], startedAt: row["started_at"], endedAt: row["ended_at"],
            epochsReached: row["epochs_reached"], error: row["error"], metrics: metrics,
            metricsSource: source,
            seconds: (row["f_seconds"] as Double?) ?? (row["epoch_seconds"] as Double?),
            imagesPerSecond: row["f_images_per_second"])
    }
}
