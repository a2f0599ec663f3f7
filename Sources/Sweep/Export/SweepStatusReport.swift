import Foundation

/// What `sweep-cli status` prints: counts per state, the running trials with their worker pid and
/// elapsed time, the failed/timed-out/diverged trials with their error, and the best trial so far.
public enum SweepStatusReport {
    /// The report for `status`; elapsed times are measured up to `now`.
    public static func render(_ status: SweepStatus, now: Date) -> String {
        let summary = status.summary
        var text = "sweep '\(summary.name)' (created \(ReportFormat.date(summary.createdAt))): "
        text += "\(summary.total) trials\n"
        let counts = TrialState.allCases
            .filter { summary.count($0) > 0 }
            .map { "\($0.rawValue) \(summary.count($0))" }
        text += "  " + (counts.isEmpty ? "no trials planned" : counts.joined(separator: ", "))
        text += "\n"
        if let best = summary.best {
            text += "  best: trial \(best.trial.index), ap_small "
            text += ReportFormat.metric(best.metrics.apSmall)
            text += best.isPruned ? " (pruned)\n" : "\n"
        }
        if !status.running.isEmpty {
            text += "\nrunning:\n" + runningTable(status.running, now: now)
        }
        if !status.problems.isEmpty {
            text += "\nproblems:\n" + problemsTable(status.problems)
        }
        return text
    }

    private static func runningTable(_ trials: [TrialRecord], now: Date) -> String {
        var table = TextTable(columns: [
            .init("trial"), .init("pid"), .init("elapsed"), .init("epochs"), .init("attempt"),
            .init("key", .left),
        ])
        for trial in trials {
            table.append([
                String(trial.index), trial.workerPID.map(String.init) ?? "-",
                trial.startedAt.map { ReportFormat.duration(now.timeIntervalSince($0)) } ?? "-",
                "\(trial.epochsReached)/\(trial.config.training.epochs)",
                String(trial.attempts), trial.key,
            ])
        }
        return table.render()
    }

    private static func problemsTable(_ trials: [TrialRecord]) -> String {
        var table = TextTable(columns: [
            .init("trial"), .init("state", .left), .init("attempts"), .init("error", .left),
        ])
        for trial in trials {
            let error = (trial.error ?? "-")
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            table.append([
                String(trial.index), trial.state.rawValue, String(trial.attempts), error,
            ])
        }
        return table.render()
    }
}
