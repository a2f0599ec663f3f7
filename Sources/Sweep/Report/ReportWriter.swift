import Foundation
import Trainer

/// Writes a sweep's HTML report: reads the store, builds the page, writes it atomically.
public enum ReportWriter {
    /// The default output: `results/SWEEP.html`.
    public static func defaultPath(sweep: String) -> String { "results/\(sweep).html" }

    /// Writes the report of `sweep` to `path`, by `objective` or the sweep's own; returns the
    /// input it was made from (to tell whether trials still run).
    @discardableResult
    public static func write(
        store: any TrialReader, sweep: String, to path: String, chartJS: String,
        refreshSeconds: Int? = nil, objective: Objective? = nil
    ) throws -> ReportInput {
        try ExportTarget.checkDistinct([(option: "--out", path: path)], database: store.location)
        let input = try ReportInput.load(
            from: store, sweep: sweep, refreshSeconds: refreshSeconds, objective: objective)
        let html = try ReportHTML.render(SweepReport(input), chartJS: chartJS)
        try ExportFile.write(html, to: path)
        return input
    }

    /// Whether trials of `sweep` are running now: stored as running and, in an SQLite file,
    /// not stale (a `run` holds the database, or their worker lives; on PostgreSQL an agent's
    /// dead claims expire by their lease); `--watch` stops once none is.
    public static func isRunning(store: any TrialReader, sweep: String) throws -> Bool {
        var status = try store.status(sweep: sweep)
        if let file = store as? SQLiteTrialStore {
            status = try status.markingStale(databasePath: file.path)
        }
        return status.running.contains { !status.isStale($0) }
    }
}
