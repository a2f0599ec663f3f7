import Trainer

/// Where a running sweep stands, for the progress line.
public struct SweepProgress: Sendable, Equatable {
    /// Trials planned for the sweep.
    public var total: Int
    /// Trials in a final state (this run and earlier ones).
    public var done: Int
    public var running: Int
    /// Trials that ended `failed` or `timed_out` (this run and earlier ones).
    public var failed: Int
    /// The best objective value of a ranked trial so far, nil while none has one.
    public var bestObjective: Double?
    /// The sweep's objective (``SweepSpec/objective``), named in the progress output.
    public var objective: Objective
    /// Seconds since the run started.
    public var elapsed: Double
    /// Trials that ended during this run, and the wall-clock seconds they took together.
    public var finishedThisRun: Int
    public var trialSecondsThisRun: Double
    /// Parallel trials, for the time estimate.
    public var jobs: Int
    /// The hyperparameters the trials are given (``SweepSpec/receivedParameters``), the ones
    /// the progress lines show.
    public var receivedParameters: Set<Hyperparameter>

    public init(
        total: Int, done: Int = 0, running: Int = 0, failed: Int = 0, bestObjective: Double? = nil,
        elapsed: Double = 0, finishedThisRun: Int = 0, trialSecondsThisRun: Double = 0,
        jobs: Int = 1, objective: Objective = .default,
        receivedParameters: Set<Hyperparameter> = Hyperparameter.builtIns
    ) {
        self.objective = objective
        self.receivedParameters = receivedParameters
        self.total = total
        self.done = done
        self.running = running
        self.failed = failed
        self.bestObjective = bestObjective
        self.elapsed = elapsed
        self.finishedThisRun = finishedThisRun
        self.trialSecondsThisRun = trialSecondsThisRun
        self.jobs = jobs
    }

    /// Estimated seconds until every trial is done: the mean trial time of this run times the
    /// trials left, spread over the jobs; nil before a trial of this run has finished.
    public var estimatedSecondsLeft: Double? {
        guard finishedThisRun > 0 else { return nil }
        let mean = trialSecondsThisRun / Double(finishedThisRun)
        return mean * Double(max(total - done, 0)) / Double(max(jobs, 1))
    }
}
