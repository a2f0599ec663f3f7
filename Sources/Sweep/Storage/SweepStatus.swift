/// The progress of one sweep: its summary, the trials running now and the ones that went wrong.
public struct SweepStatus: Sendable, Equatable {
    public var summary: SweepSummary
    /// Trials in state `running`, in plan order, with their worker pid and start time.
    public var running: [TrialRecord]
    /// The keys of the `running` trials whose run is gone (see
    /// ``SweepStatus/markingStale(databasePath:)``): stored as running, but nothing runs them;
    /// the next `run` queues them again.
    public var staleKeys: Set<String>
    /// Trials that `failed`, `timed_out` or `diverged`, in plan order, with their error.
    public var problems: [TrialRecord]

    public init(
        summary: SweepSummary, running: [TrialRecord], staleKeys: Set<String> = [],
        problems: [TrialRecord]
    ) {
        self.summary = summary
        self.running = running
        self.staleKeys = staleKeys
        self.problems = problems
    }

    /// Whether `trial` is stored as running but nothing runs it any more.
    public func isStale(_ trial: TrialRecord) -> Bool { staleKeys.contains(trial.key) }
}
