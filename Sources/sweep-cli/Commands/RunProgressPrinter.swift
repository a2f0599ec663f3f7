import Foundation
import Sweep

/// Prints `run`'s progress: on a terminal one live line redrawn in place, otherwise one line per
/// ended trial.
enum RunProgressPrinter {
    static func print(_ event: SchedulerEvent, _ progress: SweepProgress, terminal: Bool) {
        var text = ""
        // On a terminal each line first clears the live line it replaces.
        let clear = terminal ? "\r\u{1B}[K" : ""
        switch event {
        case .finished(let trial, let outcome, let seconds) where !terminal:
            text =
                ProgressLine.trialEnded(trial, outcome, seconds: seconds, progress: progress)
                + "\n"
        case .retrying(let trial, let reason):
            text =
                clear
                + ProgressLine.retrying(
                    trial, reason: reason, received: progress.receivedParameters) + "\n"
        case .draining(let grace):
            text =
                clear + "stopping: no new trials; running ones get "
                + "\(ReportFormat.duration(grace)) to finish (Ctrl-C again to stop now)\n"
        case .interrupting:
            text = clear + "stopping running trials now\n"
        case .setAside(let count):
            text = clear + ProgressLine.setAside(count) + "\n"
        case .budgetReached:
            text = clear + "time budget reached: no new trials; running ones finish\n"
        default:
            break
        }
        if terminal {
            text += clear + ProgressLine.live(progress)
        }
        guard !text.isEmpty else { return }
        // A closed stdout (`run … | head`) must not end the sweep: its trials go on, unprinted.
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }
}
