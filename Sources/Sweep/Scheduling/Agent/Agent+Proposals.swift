import Foundation

/// Lazy planning for model-based methods across agents: the proposal comes from the shared
/// store's history, so many agents search as one sweep.
extension Agent {
    /// The next claim: a queued trial; else, for a model-based sweep with fewer than
    /// `max_trials` stored, a proposal from the whole stored history, planned and then claimed.
    ///
    /// Two agents that propose from the same history propose the same config (the sampler is
    /// deterministic), which the store plans once; the store plans within `max_trials`, so
    /// agents racing for the last slots never store more.
    func claimNext(sweepID: Int64) throws -> ClaimedTrial? {
        if let claim = try store.claim(sweepID: sweepID, owner: options.owner, at: Date()) {
            return claim
        }
        guard spec.method.isModelBased, !proposalsDone else { return nil }
        let history = try store.trialRecords(sweepID: sweepID)
        guard history.count < spec.maxTrials ?? 0, let proposal = try propose(history) else {
            proposalsDone = true
            return nil
        }
        try store.plan(sweepID: sweepID, trials: [proposal], limit: spec.maxTrials)
        return try store.claim(sweepID: sweepID, owner: options.owner, at: Date())
    }

    private func propose(_ history: [TrialRecord]) throws(SchedulerError) -> TrialConfig? {
        do {
            return try spec.proposeTrial(history: history)
        } catch {
            throw .sampler(method: spec.method, error)
        }
    }
}
