/// Where a trial is in its lifecycle:
/// `queued → running → completed | diverged | failed | timed_out | pruned | interrupted`.
public enum TrialState: String, Codable, Sendable, CaseIterable {
    case queued
    case running
    case completed
    /// The loss became NaN/Inf or exploded (`diverge_factor`): a result, never retried.
    case diverged
    /// The worker crashed (after all retries), reported an error, or reported a failed run
    /// (e.g. its evaluation failed).
    case failed
    case timedOut = "timed_out"
    /// Stopped early by the early-stopping rule; its last epoch's metrics are kept.
    case pruned
    /// Stopped by the user (Ctrl-C after the grace period); queued again on the next run.
    case interrupted

    /// Whether the trial will not run again.
    public var isFinal: Bool {
        switch self {
        case .queued, .running, .interrupted: false
        default: true
        }
    }
}
