/// Decides, from per-epoch results, whether a running trial should stop early.
///
/// The scheduler reports every epoch result of every trial, in the order they arrive (after a
/// restart it first replays the stored epochs), and prunes a trial when told so.
public protocol EarlyStopRule: Sendable {
    /// Records `value` (the sweep's objective metric, `ap_small` by default; higher is better)
    /// of trial `trial` after epoch `epoch` (1-based), and says whether that trial should stop
    /// now.
    mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision
}

/// What an ``EarlyStopRule`` says about a trial after one of its epochs.
public enum EarlyStopDecision: Sendable, Equatable {
    case `continue`
    /// Stop the trial; `reason` is stored with it for the user.
    case prune(reason: String)
}
