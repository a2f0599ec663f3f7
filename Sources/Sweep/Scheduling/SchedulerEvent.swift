import Trainer

/// What the scheduler reports while it runs, with the progress after it.
public enum SchedulerEvent: Sendable, Equatable {
    /// `count` queued trials are no longer planned by the (edited) sweep file: they stay stored
    /// and queued, but this run does not start them.
    case setAside(count: Int)
    /// A worker started `trial` (attempt 1, 2, …).
    case started(TrialConfig, attempt: Int)
    /// A running trial finished an epoch.
    case epoch(TrialConfig, EpochReport)
    /// A trial ended in a final state (or `interrupted`) after `seconds` of wall-clock time.
    case finished(TrialConfig, TrialOutcome, seconds: Double)
    /// A crashed attempt will be started again.
    case retrying(TrialConfig, reason: String)
    /// The first stop request: no new trials, running ones get `grace` seconds.
    case draining(grace: Double)
    /// Running trials are being stopped now.
    case interrupting
    /// The time budget ran out: no new trial starts.
    case budgetReached
}
