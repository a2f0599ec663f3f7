import Foundation
import PostgresNIO
import Sweep
import Trainer

/// The read side (`top`, `status`, `list`, `export`), with the SQLite store's semantics: a
/// trial's metrics are its final result's, else its last stored epoch's (≤ `epochs_reached`).
extension PostgresTrialStore: TrialReader {
    public var location: String { url.description }

    public func sweepNames() throws(StoreError) -> [String] {
        try session.transaction { sql in
            try sql.rows("SELECT name FROM sweep ORDER BY created_at, id").map {
                try $0.decode(String.self)
            }
        }
    }

    public func sweeps() throws(StoreError) -> [SweepSummary] {
        try sweepNames().map { name throws(StoreError) in try status(sweep: name).summary }
    }

    public func status(sweep name: String) throws(StoreError) -> SweepStatus {
        let createdAt = try session.transaction { sql in
            try sql.rows("SELECT created_at FROM sweep WHERE name = \(name)").first?.decode(
                Date.self)
        }
        guard let createdAt else { throw try unknownSweep(name) }
        let trials = try trials(sweep: name)
        let problems: Set<TrialState> = [.failed, .timedOut, .diverged]
        return SweepStatus(
            summary: SweepSummary(
                name: name, createdAt: createdAt,
                counts: trials.reduce(into: [:]) { $0[$1.state, default: 0] += 1 },
                best: Ranking.rank(trials).first),
            running: trials.filter { $0.state == .running },
            problems: trials.filter { problems.contains($0.state) })
    }

    public func trials(sweep name: String) throws(StoreError) -> [TrialRecord] {
        let found = try session.transaction { sql -> [PostgresRow]? in
            guard
                let sweepID = try sql.rows("SELECT id FROM sweep WHERE name = \(name)").first?
                    .decode(Int64.self)
            else { return nil }
            return try sql.rows(Self.trialsQuery(sweepID: sweepID))
        }
        guard let rows = found else { throw try unknownSweep(name) }
        return try rows.map { row throws(StoreError) in try record(row.makeRandomAccess()) }
    }

    public func objective(sweep name: String) throws(StoreError) -> Objective {
        SweepSpec.objective(storedIn: try sweepSource(sweep: name).text)
    }

    public func sweepSource(sweep name: String) throws(StoreError) -> (
        text: String, createdAt: Date
    ) {
        let source = try session.transaction { sql -> (String, Date)? in
            guard
                let row = try sql.rows(
                    "SELECT spec_text, created_at FROM sweep WHERE name = \(name)"
                ).first
            else { return nil }
            return try row.decode((String, Date).self)
        }
        guard let source else { throw try unknownSweep(name) }
        return (source.0, source.1)
    }

    public func epochReports(keys: [String]) throws(StoreError) -> [String: [EpochReport]] {
        guard !keys.isEmpty else { return [:] }
        var binds = PostgresBindings()
        binds.append(keys)
        var reports: [String: [EpochReport]] = [:]
        for (key, report) in try epochRows(
            where: "t.key = ANY($1) ORDER BY t.id, e.epoch", binds)
        {
            reports[key, default: []].append(report)
        }
        return reports
    }

    /// ``trials(sweep:)`` by the sweep's id: the history a model-based sampler proposes from.
    public func trialRecords(sweepID: Int64) throws(StoreError) -> [TrialRecord] {
        let found = try session.transaction { sql -> [PostgresRow]? in
            guard try sql.rows("SELECT 1 FROM sweep WHERE id = \(sweepID)").first != nil else {
                return nil
            }
            return try sql.rows(Self.trialsQuery(sweepID: sweepID))
        }
        guard let rows = found else {
            throw .server(database: path, message: "no sweep with id \(sweepID)")
        }
        return try rows.map { row throws(StoreError) in try record(row.makeRandomAccess()) }
    }

    /// Every trial's stored report for `epoch` in the sweep, by trial key.
    public func epochReports(sweepID: Int64, epoch: Int) throws(StoreError) -> [String: EpochReport]
    {
        var binds = PostgresBindings()
        binds.append(sweepID)
        binds.append(Int64(epoch))
        let rows = try epochRows(where: "t.sweep_id = $1 AND e.epoch = $2", binds)
        return Dictionary(rows, uniquingKeysWith: { _, last in last })
    }

    /// The `epoch_metric` rows matching `condition` (over `e`, the epoch, and `t`, its trial),
    /// with their trial's key, in the order `condition` asks for.
    private func epochRows(
        where condition: String, _ binds: PostgresBindings
    ) throws(StoreError) -> [(key: String, report: EpochReport)] {
        let columns = (["epoch", "loss", "seconds", MetricColumns.reported] + MetricColumns.names)
            .map { "e.\($0)" }.joined(separator: ", ")
        let rows = try session.transaction { sql in
            try sql.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT t.key, \(columns) FROM epoch_metric e
                        JOIN trial t ON t.id = e.trial_id
                        WHERE \(condition)
                        """, binds: binds))
        }
        return try rows.map { row throws(StoreError) in
            let row = row.makeRandomAccess()
            return (try decode(row, "key", as: String.self), try epochReport(row))
        }
    }

    /// One `epoch_metric` row (with `epoch`, `loss`, `seconds` and the metric columns).
    private func epochReport(_ row: PostgresRandomAccessRow) throws(StoreError) -> EpochReport {
        do {
            return EpochReport(
                epoch: try row["epoch"].decode(Int.self),
                loss: try row["loss"].decode(Double?.self) ?? .nan,
                metrics: try Self.metrics(row, prefix: "") ?? .undefined,
                seconds: try row["seconds"].decode(Double.self))
        } catch {
            throw .server(database: path, message: "cannot read an epoch: \(error)")
        }
    }

    private func decode<T: PostgresDecodable>(
        _ row: PostgresRandomAccessRow, _ column: String, as type: T.Type
    ) throws(StoreError) -> T {
        do {
            return try row[column].decode(T.self)
        } catch {
            throw .server(database: path, message: "cannot read \(column): \(error)")
        }
    }

    /// Every trial of the sweep in plan order, with its final metrics and its last stored epoch's.
    private static func trialsQuery(sweepID: Int64) -> PostgresQuery {
        let metricColumns = MetricColumns.names + [MetricColumns.reported]
        let finalColumns = (["status", "seconds", "images_per_second"] + metricColumns)
            .map { "f.\($0) AS f_\($0)" }.joined(separator: ", ")
        let epochColumns = (["epoch"] + metricColumns).map { "e.\($0) AS e_\($0)" }
            .joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(sweepID)
        return PostgresQuery(
            unsafeSQL: """
                SELECT t.key, t.config_json, t.state, t.attempts, t.worker_pid,
                       t.started_at, t.ended_at, t.epochs_reached, t.error,
                       \(finalColumns), \(epochColumns),
                       (SELECT SUM(seconds) FROM epoch_metric
                        WHERE trial_id = t.id AND epoch <= t.epochs_reached) AS epoch_seconds
                FROM trial t
                LEFT JOIN final_metric f ON f.trial_id = t.id
                LEFT JOIN epoch_metric e ON e.trial_id = t.id AND e.epoch = (
                    SELECT MAX(epoch) FROM epoch_metric
                    WHERE trial_id = t.id AND epoch <= t.epochs_reached)
                WHERE t.sweep_id = $1
                ORDER BY t.plan_index, t.id
                """, binds: binds)
    }

    private func record(_ row: PostgresRandomAccessRow) throws(StoreError) -> TrialRecord {
        do {
            let key = try row["key"].decode(String.self)
            let config = try decodeConfig(row["config_json"].decode(String.self), key: key)
            let stateName = try row["state"].decode(String.self)
            guard let state = TrialState(rawValue: stateName) else {
                throw StoreError.corruptTrial(
                    key: key, path: path, reason: "unknown state '\(stateName)'")
            }
            var metrics = try Self.metrics(row, prefix: "f_")
            var source: TrialRecord.MetricsSource? = metrics == nil ? nil : .final
            if metrics == nil, let epoch = try row["e_epoch"].decode(Int?.self) {
                metrics = try Self.metrics(row, prefix: "e_")
                source = .epoch(epoch)
            }
            return TrialRecord(
                config: config, state: state, attempts: try row["attempts"].decode(Int.self),
                workerPID: try row["worker_pid"].decode(Int64?.self).map {
                    Int32(truncatingIfNeeded: $0)
                },
                startedAt: try row["started_at"].decode(Date?.self),
                endedAt: try row["ended_at"].decode(Date?.self),
                epochsReached: try row["epochs_reached"].decode(Int.self),
                error: try row["error"].decode(String?.self), metrics: metrics,
                metricsSource: source,
                seconds: try row["f_seconds"].decode(Double?.self)
                    ?? row["epoch_seconds"].decode(Double?.self),
                imagesPerSecond: try row["f_images_per_second"].decode(Double?.self))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .server(database: path, message: "cannot read a trial: \(error)")
        }
    }

    /// The metrics under `prefix`, nil when the row has none (no evaluation, or no joined row).
    private static func metrics(
        _ row: PostgresRandomAccessRow, prefix: String
    ) throws -> DetectionMetrics? {
        let reported = MetricColumns.reported(
            from: try row[prefix + MetricColumns.reported].decode(String?.self))
        guard
            try row[prefix + DetectionMetric.ap.name].decode(Double?.self) != nil
                || !reported.isEmpty
        else {
            return nil
        }
        var metrics = try DetectionMetrics { metric in
            try row[prefix + metric.name].decode(Double?.self) ?? .nan
        }
        metrics.reported = reported
        return metrics
    }

    private func unknownSweep(_ name: String) throws(StoreError) -> StoreError {
        .unknownSweep(name: name, known: try sweepNames(), path: path)
    }
}
