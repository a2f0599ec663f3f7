/// What one `run` did, for the closing summary line.
public struct RunSummary: Sendable, Equatable {
    /// Why the run ended.
    public enum Ending: Sendable, Equatable {
        /// No queued trial was left.
        case allFinished
        /// The time budget ran out; the rest stays queued for the next run.
        case timeBudget
        /// The user stopped it (signal); interrupted trials are queued again on the next run.
        case stopped
    }

    public var ending: Ending
    /// Trials the sweep file plans.
    public var total: Int
    /// How the trials that ended during this run ended, by state.
    public var outcomes: [TrialState: Int]
    /// Crashed attempts that were started again.
    public var retries: Int
    /// Trials of the current plan still queued (or interrupted) after the run.
    public var remaining: Int
    /// Queued trials the sweep file no longer plans, left stored and not run.
    public var setAside: Int
    public var seconds: Double

    public init(
        ending: Ending, total: Int, outcomes: [TrialState: Int], retries: Int, remaining: Int,
        setAside: Int = 0, seconds: Double
    ) {
        self.ending = ending
        self.total = total
        self.outcomes = outcomes
        self.retries = retries
        self.remaining = remaining
        self.setAside = setAside
        self.seconds = seconds
    }

    /// Trials that ended during this run.
    public var finished: Int {
        outcomes.filter { $0.key.isFinal }.values.reduce(0, +)
    }
}
