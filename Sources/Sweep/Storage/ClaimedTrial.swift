/// A queued trial an agent took with ``TrialStore/claim(sweepID:owner:at:)``.
public struct ClaimedTrial: Sendable, Equatable {
    public var config: TrialConfig
    /// The claim's attempt number (1 for the first run): every write of this claim carries it.
    public var attempt: Int

    public init(config: TrialConfig, attempt: Int) {
        self.config = config
        self.attempt = attempt
    }

    public var key: String { config.key }
}

/// How many trials of a sweep are waiting and running (``TrialStore/pendingCounts(sweepID:)``).
public struct PendingCounts: Sendable, Equatable {
    public var queued: Int
    public var running: Int

    public init(queued: Int, running: Int) {
        self.queued = queued
        self.running = running
    }
}
