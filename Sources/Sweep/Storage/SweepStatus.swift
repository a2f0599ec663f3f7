/// The progress of one sweep: its summary, the trials running now and the ones that went wrong.
public struct SweepStatus: Sendable, Equatable {
    public var summary: SweepSummary
    /// Trials in state `running`, in plan order, with their worker pid and start time.
    public var running: [TrialRecord]
    /// Trials that `failed`, `timed_out` or `diverged`, in plan order, with their error.
    public var problems: [TrialRecord]

    public init(summary: SweepSummary, running: [TrialRecord], problems: [TrialRecord]) {
        self.summary = summary
        self.running = running
        self.problems = problems
    }
}
