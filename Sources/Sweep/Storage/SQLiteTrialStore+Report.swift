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

    /// The stored epochs of the trials with `keys`, by trial key, in epoch order: one query,
    /// for the learning curves a report draws.
    public func epochReports(keys: [String]) throws(StoreError) -> [String: [EpochReport]] {
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            var reports: [String: [EpochReport]] = [:]
            // SQLite allows 32,766 parameters per statement.
            for start in stride(from: 0, to: keys.count, by: 10_000) {
                let chunk = Array(keys[start..<min(start + 10_000, keys.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.key AS trial_key, e.* FROM epoch_metric e
                        JOIN trial t ON t.id = e.trial_id
                        WHERE t.key IN (\(marks)) ORDER BY t.id, e.epoch
                        """,
                    arguments: StatementArguments(chunk))
                for row in rows {
                    reports[row["trial_key"], default: []].append(Self.epochReport(row))
                }
            }
            return reports
        }
    }
}
