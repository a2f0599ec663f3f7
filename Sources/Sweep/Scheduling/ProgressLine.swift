import Trainer

/// The text of `run`'s progress output, as pure functions of the counts (so it can be tested).
public enum ProgressLine {
    /// The live line redrawn on a terminal:
    /// `[3/8 done] running 2 · failed 1 · best ap_small 0.1234 · elapsed 1m05s · eta 2m10s`.
    public static func live(_ progress: SweepProgress) -> String {
        var parts = [
            "[\(progress.done)/\(progress.total) done] running \(progress.running)",
            "failed \(progress.failed)",
            "best \(progress.objective.name) "
                + (progress.bestObjective.map { ReportFormat.metric($0, of: progress.objective) }
                    ?? "-"),
            "elapsed " + ReportFormat.duration(progress.elapsed),
        ]
        parts.append("eta " + (progress.estimatedSecondsLeft.map(ReportFormat.duration) ?? "-"))
        return parts.joined(separator: " · ")
    }

    /// The line printed per ended trial without a terminal:
    /// `[3/8] trial 2 lr=0.01 weight_decay=0.0005 batch_size=16 loss=focal: completed
    /// ap_small=0.1234 12.3s` (the metric shown is the sweep's objective).
    public static func trialEnded(
        _ trial: TrialConfig, _ outcome: TrialOutcome, seconds: Double, progress: SweepProgress
    ) -> String {
        var line = "[\(progress.done)/\(progress.total)] trial \(trial.index) "
        line +=
            parameters(trial.parameters, received: progress.receivedParameters) + ": "
            + outcome.state.rawValue
        if let metrics = outcome.result?.metrics {
            line +=
                " \(progress.objective.name)="
                + ReportFormat.metric(metrics[progress.objective], of: progress.objective)
        }
        if outcome.state == .pruned {
            line += " at epoch \(outcome.epochsReached)"
        }
        line += " " + ReportFormat.duration(seconds)
        if outcome.state != .completed, let error = outcome.error {
            line += " (\(error))"
        }
        return line
    }

    /// The line printed when a crashed trial is started again.
    public static func retrying(
        _ trial: TrialConfig, reason: String,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> String {
        "trial \(trial.index) " + parameters(trial.parameters, received: received)
            + ": crashed, retrying (\(reason))"
    }

    /// `lr=0.01 weight_decay=0.0005 batch_size=16 loss=focal`, then `focal_gamma=…` and
    /// `focal_alpha=…` when set, then a command trainer's own parameters; only those in
    /// `received` (``SweepSpec/receivedParameters``).
    public static func parameters(
        _ parameters: TrialParameters,
        received: Set<Hyperparameter> = Hyperparameter.builtIns
    ) -> String {
        (TrialParameters.leading + [.focalGamma, .focalAlpha]
            + TrialParameters.programColumns(received)).compactMap { parameter in
                parameters.text(of: parameter, received: received).map {
                    "\(parameter.rawValue)=\($0)"
                }
            }.joined(separator: " ")
    }

    /// The closing line: what this run did and why it ended.
    /// The note `run` prints when an edited sweep file no longer plans some queued trials.
    public static func setAside(_ count: Int) -> String {
        let trials = count == 1 ? "1 queued trial is" : "\(count) queued trials are"
        return "note: \(trials) no longer in the sweep file: kept in the database, not run "
            + "(put the values back in the file to run them)"
    }

    public static func summary(_ summary: RunSummary) -> String {
        let order: [TrialState] = [
            .completed, .pruned, .diverged, .failed, .timedOut, .interrupted,
        ]
        let counts = order.compactMap { state in
            summary.outcomes[state].map { "\($0) \(state.rawValue)" }
        }
        var line = "run: \(summary.finished) of \(summary.total) trials finished this run"
        if !counts.isEmpty {
            line += " (" + counts.joined(separator: ", ") + ")"
        }
        line += ", \(summary.retries) retried, \(summary.remaining) left, "
        if summary.setAside > 0 {
            line += "\(summary.setAside) no longer in the sweep file not run, "
        }
        line += ReportFormat.duration(summary.seconds) + "; "
        switch summary.ending {
        case .allFinished:
            line += "all trials done"
        case .timeBudget:
            line += "time budget reached; run again to continue"
        case .stopped:
            line += "stopped; run again to continue"
        }
        return line
    }
}
