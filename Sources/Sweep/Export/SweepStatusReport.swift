import Foundation

/// What `sweep-cli status` prints: counts per state (stale running trials counted apart), the
/// running trials with their worker pid and elapsed time, the failed/timed-out/diverged trials
/// with their error, and the best trial so far.
public enum SweepStatusReport {
    /// The report for `status`; elapsed times are measured up to `now`.
    public static func render(_ status: SweepStatus, now: Date) -> String {
        let summary = status.summary
        var text = "sweep '\(summary.name)' (created \(ReportFormat.date(summary.createdAt))): "
        text += "\(summary.total) trials\n"
        let stale = status.running.filter(status.isStale).count
        var counts: [String] = []
        for state in TrialState.allCases {
            let count = summary.count(state) - (state == .running ? stale : 0)
            if count > 0 { counts.append("\(state.rawValue) \(count)") }
            if state == .running, stale > 0 { counts.append("stale \(stale)") }
        }
        text += "  " + (counts.isEmpty ? "no trials planned" : counts.joined(separator: ", "))
        text += "\n"
        if let best = summary.best {
            text += "  best: trial \(best.trial.index), \(summary.objective.name) "
            text += ReportFormat.metric(best.metrics[summary.objective], of: summary.objective)
            text += best.isPruned ? " (pruned)\n" : "\n"
        }
        if !status.running.isEmpty {
            text += "\nrunning:\n" + runningTable(status, now: now)
        }
        if stale > 0 {
            text += "  (stale: stored as running by a run that ended; the next `sweep-cli run` "
            text += "queues them again)\n"
        }
        if !status.problems.isEmpty {
            text += "\nproblems:\n" + problemsTable(status.problems)
        }
        return text
    }

    private static func runningTable(_ status: SweepStatus, now: Date) -> String {
        var table = TextTable(columns: [
            .init("trial"), .init("state", .left), .init("pid"), .init("elapsed"),
            .init("epochs"), .init("attempt"), .init("key", .left),
        ])
        for trial in status.running {
            table.append([
                String(trial.index), state(of: trial, in: status),
                trial.workerPID.map(String.init) ?? "-",
                trial.startedAt.map { ReportFormat.duration(now.timeIntervalSince($0)) } ?? "-",
                "\(trial.epochsReached)/\(trial.config.training.epochs)",
                String(trial.attempts), trial.key,
            ])
        }
        return table.render()
    }

    /// `running`, or `running (stale: pid N is gone)` for a trial nothing runs any more.
    private static func state(of trial: TrialRecord, in status: SweepStatus) -> String {
        guard status.isStale(trial) else { return TrialState.running.rawValue }
        let why = trial.workerPID.map { "pid \($0) is gone" } ?? "no worker pid stored"
        return "\(TrialState.running.rawValue) (stale: \(why))"
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
