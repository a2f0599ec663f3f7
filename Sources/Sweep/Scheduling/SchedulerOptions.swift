/// How a run schedules its trials: parallelism, limits and the stop grace period.
public struct SchedulerOptions: Sendable, Equatable {
    /// How many trials run at once.
    public var jobs: Int
    /// No new trial starts after this many seconds of the run; running ones finish.
    public var timeBudget: Double?
    /// A trial running longer than this many seconds is killed and marked `timed_out`.
    public var trialTimeout: Double?
    /// How often a crashed trial is started again before it is marked `failed`.
    public var maxRetries: Int
    /// After the first stop request, running trials get this many seconds to finish.
    public var grace: Double

    public init(
        jobs: Int, timeBudget: Double? = nil, trialTimeout: Double? = nil, maxRetries: Int = 1,
        grace: Double = 30
    ) {
        precondition(jobs >= 1, "SchedulerOptions: jobs must be at least 1, got \(jobs)")
        self.jobs = jobs
        self.timeBudget = timeBudget
        self.trialTimeout = trialTimeout
        self.maxRetries = maxRetries
        self.grace = grace
    }

    /// The sweep file's limits combined with the command line's: the smaller time budget wins.
    public init(spec: SweepSpec, jobs: Int, timeBudget: Double? = nil, grace: Double = 30) {
        let budgets = [spec.timeBudget, timeBudget].compactMap { $0 }
        self.init(
            jobs: jobs, timeBudget: budgets.min(), trialTimeout: spec.trialTimeout,
            maxRetries: spec.maxRetries, grace: grace)
    }
}

extension SchedulerOptions {
    /// Parses a duration option (`90s`, `30m`, `8h`, `1h30m`, plain seconds) as sweep files
    /// write it.
    /// - Throws: ``SchedulerError/invalidOption(name:value:reason:)`` naming `option`.
    public static func seconds(_ text: String, option: String) throws(SchedulerError) -> Double {
        guard let seconds = DurationParser.seconds(text) else {
            throw .invalidOption(
                name: option, value: text,
                reason: "expected a duration such as 90s, 30m, 8h or 1h30m")
        }
        guard seconds >= 0 else {
            throw .invalidOption(name: option, value: text, reason: "must not be negative")
        }
        guard seconds <= DurationParser.maximumSeconds else {
            throw .invalidOption(
                name: option, value: text, reason: DurationParser.maximumRequirement)
        }
        return seconds
    }
}
