/// Why the scheduler stopped a worker before it finished.
public enum WorkerStopReason: Sendable, Equatable {
    /// It ran past the sweep's `trial_timeout`.
    case timedOut(seconds: Double)
    /// The early-stopping rule pruned it after `epoch`.
    case pruned(epoch: Int, reason: String)
    /// The user stopped the run (second Ctrl-C, or the grace period ran out).
    case interrupted
}
