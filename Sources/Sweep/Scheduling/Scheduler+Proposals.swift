import Trainer

/// Lazy planning for model-based methods: a trial is proposed from the stored history when a
/// worker slot frees, planned into the store, then started. Grid and random plan up front.
extension Scheduler {
    /// Whether another trial may start: one is queued, or a model-based sweep may propose one.
    func hasNextTrial() -> Bool {
        !queue.isEmpty || (spec.method.isModelBased && !proposalsDone)
    }

    /// The next trial to start: the first queued one; else, for a model-based sweep with fewer
    /// than `max_trials` stored, a proposal from every stored trial (running ones included, as
    /// liars), stored before it is returned, so a killed run resumes with it. Nil when none is
    /// left.
    func nextTrial() throws(SchedulerError) -> TrialConfig? {
        if !queue.isEmpty {
            return queue.removeFirst()
        }
        guard spec.method.isModelBased, !proposalsDone else { return nil }
        let history = try call { try store.trialRecords(sweepID: sweepID) }
        guard history.count < spec.maxTrials ?? 0 else {
            proposalsDone = true
            return nil
        }
        let proposal: TrialConfig?
        do {
            proposal = try spec.proposeTrial(history: history)
        } catch {
            throw .sampler(method: spec.method, error)
        }
        guard let proposal else {
            proposalsDone = true
            return nil
        }
        try call { try store.plan(sweepID: sweepID, trials: [proposal]) }
        return proposal
    }

    /// The stored trials of a model-based sweep as this sweep file would plan them, so that
    /// planning them again refuses an edited `trainer:` section as it does for a grid; empty
    /// for other methods.
    func restatedProposals() throws(SchedulerError) -> [TrialConfig] {
        guard spec.method.isModelBased else { return [] }
        return try call { try store.trialRecords(sweepID: sweepID) }.map { record in
            var training = record.config.parameters.applied(to: spec.trainer)
            training.seed = spec.seed
            var config = record.config
            config.training = training
            return config
        }
    }

    /// Keys of the stored trials this run may start: the plan's, and for a model-based sweep
    /// every stored trial (all of them its proposals).
    func runnableKeys(_ planned: [TrialConfig]) throws(SchedulerError) -> Set<String> {
        guard spec.method.isModelBased else { return Set(planned.map(\.key)) }
        return Set(try call { try store.trialRecords(sweepID: sweepID) }.map(\.key))
    }

    /// Trials the sweep runs in all: the plan's, or `max_trials` for a model-based sweep.
    func plannedTotal(_ planned: [TrialConfig]) -> Int {
        spec.method.isModelBased ? max(spec.maxTrials ?? 0, planned.count) : planned.count
    }

    /// Trials a model-based sweep has yet to propose; 0 once it is done proposing, and for a
    /// sweep planned up front.
    func unproposedCount() throws(SchedulerError) -> Int {
        guard spec.method.isModelBased, !proposalsDone else { return 0 }
        let stored = try call { try store.trialRecords(sweepID: sweepID) }.count
        return max(0, (spec.maxTrials ?? 0) - stored)
    }

    /// The trials of the sweep once the run ended: `total`, or for a model-based sweep done
    /// proposing (its space may have run out before `max_trials`) the trials stored.
    func finalTotal(_ total: Int) throws(SchedulerError) -> Int {
        guard spec.method.isModelBased, proposalsDone else { return total }
        return try call { try store.trialRecords(sweepID: sweepID) }.count
    }
}
