import Foundation

/// How one agent (`sweep-cli agent`) takes part in a shared sweep.
public struct AgentOptions: Sendable, Equatable {
    /// Trials this agent runs at once.
    public var jobs: Int
    /// The agent exits after starting this many trials (nil: no limit).
    public var maxTrialsHere: Int?
    /// The agent exits after waiting this many seconds with nothing to claim (nil: it waits as
    /// long as other agents' trials are running).
    public var idleExit: Double?
    /// Seconds between heartbeats of this agent's claims.
    public var heartbeat: Double
    /// A claim whose heartbeat is older than this many seconds is requeued by any agent.
    public var lease: Double
    /// No trial starts after this many seconds of the agent's run; running ones finish (the
    /// sweep file's `time_budget`, or `--time-budget`, whichever is smaller).
    public var timeBudget: Double?
    /// A trial running longer than this many seconds is killed and marked `timed_out`.
    public var trialTimeout: Double?
    /// How often a crashed trial is started again before it is marked `failed`.
    public var maxRetries: Int
    /// Names this agent in the store (`owner` of its claims): host and pid by default.
    public var owner: String

    /// Defaults: a heartbeat every 10 s, a lease of 60 s.
    public static let defaultHeartbeat = 10.0
    public static let defaultLease = 60.0

    public init(
        jobs: Int, maxTrialsHere: Int? = nil, idleExit: Double? = nil,
        heartbeat: Double = defaultHeartbeat, lease: Double = defaultLease,
        timeBudget: Double? = nil, trialTimeout: Double? = nil, maxRetries: Int = 1,
        owner: String = "\(ProcessInfo.processInfo.hostName):\(getpid())"
    ) {
        precondition(jobs >= 1, "AgentOptions: jobs must be at least 1, got \(jobs)")
        self.jobs = jobs
        self.maxTrialsHere = maxTrialsHere
        self.idleExit = idleExit
        self.heartbeat = heartbeat
        self.lease = lease
        self.timeBudget = timeBudget
        self.trialTimeout = trialTimeout
        self.maxRetries = maxRetries
        self.owner = owner
    }
}
