/// The table `sweep-cli list` prints: one line per sweep.
public enum SweepListTable {
    /// Columns: sweep name, created (UTC), total trials, queued, running, completed, pruned,
    /// diverged, failed (failed + timed_out), objective, and the best trial's objective value
    /// (`-` while none is ranked).
    public static func render(_ sweeps: [SweepSummary]) -> String {
        if sweeps.isEmpty {
            return "no sweeps stored yet\n"
        }
        var table = TextTable(columns: [
            .init("sweep", .left), .init("created", .left), .init("trials"), .init("queued"),
            .init("running"), .init("completed"), .init("pruned"), .init("diverged"),
            .init("failed"), .init("objective", .left), .init("best"),
        ])
        for sweep in sweeps {
            table.append([
                sweep.name, ReportFormat.date(sweep.createdAt), String(sweep.total),
                String(sweep.count(.queued) + sweep.count(.interrupted)),
                String(sweep.count(.running)), String(sweep.count(.completed)),
                String(sweep.count(.pruned)), String(sweep.count(.diverged)),
                String(sweep.count(.failed) + sweep.count(.timedOut)),
                sweep.objective.name,
                sweep.best.map {
                    ReportFormat.metric($0.metrics[sweep.objective], of: sweep.objective)
                }
                    ?? "-",
            ])
        }
        return table.render()
    }
}
