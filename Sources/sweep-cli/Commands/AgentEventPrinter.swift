import Foundation
import Sweep

/// One line per ``AgentEvent`` on stdout.
enum AgentEventPrinter {
    static func print(_ event: AgentEvent) {
        let text: String
        switch event {
        case .started(let trial, let attempt):
            text = "trial \(trial.index) started (attempt \(attempt))"
        case .finished(let trial, let outcome, let seconds):
            text =
                "trial \(trial.index) \(outcome.state.rawValue) after "
                + ReportFormat.duration(seconds)
                + (outcome.error.map { ": \($0)" } ?? "")
        case .retrying(let trial, let reason):
            text = "trial \(trial.index) crashed, queued again: \(reason)"
        case .lost(let trial, let attempt):
            text =
                "trial \(trial.index) attempt \(attempt) lost its lease (another agent runs it "
                + "now); its result is dropped"
        case .requeuedExpired(let keys):
            text = "queued again \(keys.count) trials whose agent stopped heartbeating"
        case .waiting(let running):
            text = "nothing to claim; waiting for \(running) trials running elsewhere"
        }
        // A closed stdout must not end the agent: its trials go on, unprinted.
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }
}
