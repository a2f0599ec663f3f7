import Trainer

/// What an ``Agent`` reports while it runs (one line each in `sweep-cli agent`).
public enum AgentEvent: Sendable, Equatable {
    /// It claimed `trial` and started its worker.
    case started(TrialConfig, attempt: Int)
    /// Its trial ended in a final state (or `interrupted`) after `seconds`.
    case finished(TrialConfig, TrialOutcome, seconds: Double)
    /// Its crashed attempt was queued again for a retry.
    case retrying(TrialConfig, reason: String)
    /// Its claim expired and the trial went to another agent: nothing of this attempt is stored.
    case lost(TrialConfig, attempt: Int)
    /// It queued these trials of dead agents again (their leases expired).
    case requeuedExpired(keys: [String])
    /// Nothing to claim; `running` trials of other agents may still fail and come back.
    case waiting(running: Int)
}
