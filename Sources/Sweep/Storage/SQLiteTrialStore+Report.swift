import Foundation
import GRDB
import Trainer

/// Read-side queries for `sweep-cli report`, `importance` and `advise`.
extension SQLiteTrialStore {
    /// The sweep file text and creation time stored with the sweep `name`.
    public func sweepSource(sweep name: String) throws(StoreError) -> (
        text: String, createdAt: Date
    ) {
        let sweepID = try sweepID(named: name)
        let row = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT spec_text, created_at FROM sweep WHERE id = ?",
                arguments: [sweepID])
        }
        guard let row else { throw .unknownSweep(name: name, known: try sweepNames(), path: path) }
        return (row["spec_text"], row["created_at"])
    }

    /// Every stored epoch of every trial of the sweep `name`, by trial key, in epoch order: one
    /// query, for learning curves of large sweeps.
    public func epochReports(sweep name: String) throws(StoreError) -> [String: [EpochReport]] {
        let sweepID = try sweepID(named: name)
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.key AS trial_key, e.* FROM epoch_metric e
                    JOIN trial t ON t.id = e.trial_id
                    WHERE t.sweep_id = ? ORDER BY t.id, e.epoch
                    """,
                arguments: [sweepID])
            var reports: [String: [EpochReport]] = [:]
            for row in rows {
                reports[row["trial_key"], default: []].append(Self.epochReport(row))
            }
            return reports
        }
    }
}
