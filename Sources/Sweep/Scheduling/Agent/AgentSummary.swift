/// What one agent did, for its summary line.
public struct AgentSummary: Sendable, Equatable {
    /// Why the agent stopped.
    public enum Ending: Sendable, Equatable {
        /// No trial of the sweep is queued or running any more.
        case sweepFinished
        /// It started `--max-trials-here` trials.
        case maxTrialsHere
        /// Nothing to claim for `--idle-exit`.
        case idle
        /// The time budget passed; the trials it had started finished.
        case timeBudget
        /// A stop signal.
        case stopped
    }

    public var ending: Ending
    /// Trials this agent ran to a final state, by state.
    public var outcomes: [TrialState: Int] = [:]
    /// Crashed attempts it queued again for a retry.
    public var retries = 0
    /// Its claims that expired (another agent requeued them) before it could store them.
    public var lost = 0
    /// Other agents' expired claims it queued again.
    public var requeuedExpired = 0
    public var seconds = 0.0

    public init(ending: Ending) {
        self.ending = ending
    }

    /// `agent HOST:PID: 4 trials here (completed 3, pruned 1), 0 retries, 0 lost, 1 expired lease requeued, 12.3 s; sweep finished`.
    public func line(owner: String) -> String {
        let total = outcomes.values.reduce(0, +)
        let states = TrialState.allCases.compactMap { state in
            outcomes[state].map { "\(state.rawValue) \($0)" }
        }
        let reason =
            switch ending {
            case .sweepFinished: "sweep finished"
            case .maxTrialsHere: "--max-trials-here reached"
            case .idle: "nothing to claim for --idle-exit"
            case .timeBudget: "time budget reached"
            case .stopped: "stopped"
            }
        return "agent \(owner): \(total) trials here"
            + (states.isEmpty ? "" : " (\(states.joined(separator: ", ")))")
            + ", \(retries) retries, \(lost) lost (lease expired), "
            + "\(requeuedExpired) expired leases requeued, "
            + "\(ReportFormat.duration(seconds)); \(reason)"
    }
}
