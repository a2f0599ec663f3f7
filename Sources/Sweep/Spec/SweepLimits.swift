/// Bounds on a sweep's size, checked when its file is read, so a typo (`max_trials: 1e9`, a grid
/// of a billion points) is a located error instead of an allocation that takes the machine down.
public enum SweepLimits {
    /// The most trials one sweep plans: a grid's points or random search's `max_trials`. It also
    /// bounds a `values` list, since no sweep could try more values than it has trials.
    public static let maximumTrials = 100_000
}
