import Foundation
import Trainer

/// One worker run of a claimed trial as the agent's task group hands it back.
struct AgentTrialEnd: Sendable {
    var claim: ClaimedTrial
    var attempt: TrialAttempt
    var seconds: Double
    /// A store write that failed while the trial ran (a refused stale claim, or a failure).
    var storeError: (any Error)?
}

extension Agent {
    /// Starts a worker for the claimed trial and records its pid with a first heartbeat.
    func launch(_ claim: ClaimedTrial) throws -> WorkerProcess {
        let worker = try launcher.start(claim.config, spec: spec)
        running[claim.key] = Running(claim: claim, worker: worker)
        do {
            try store.heartbeat(key: claim.key, attempt: claim.attempt, pid: worker.pid, at: Date())
        } catch {
            worker.stop(.interrupted)
            throw error
        }
        emit(.started(claim.config, attempt: claim.attempt))
        return worker
    }

    /// Reads the worker's output until it exits: stores each epoch under the claim, asks the
    /// early-stopping rule, and enforces the trial timeout.
    nonisolated func supervise(_ claim: ClaimedTrial, _ worker: WorkerProcess) async
        -> AgentTrialEnd
    {
        let clock = ContinuousClock()
        let began = clock.now
        let (attempt, storeError) = await worker.attempt(
            timeout: options.trialTimeout, clock: clock, decode: WorkerLauncher.decoder(for: spec),
            record: { report in
                try store.recordEpoch(key: claim.key, attempt: claim.attempt, report: report)
            },
            decide: { report in await decide(claim.config, report) })
        let seconds = (clock.now - began) / .seconds(1)
        return AgentTrialEnd(
            claim: claim,
            attempt: launcher.complete(attempt, config: claim.config, spec: spec, seconds: seconds),
            seconds: seconds, storeError: storeError)
    }

    /// Asks the rule about this epoch after telling it every other trial's report for the same
    /// epoch in the shared store (in key order), so agents prune as one sweep. Should the store
    /// not answer, the rule decides from what this agent has seen.
    private func decide(_ config: TrialConfig, _ report: EpochReport) -> EarlyStopDecision {
        guard !stopping, rule != nil else { return .continue }
        if let sweepID, let shared = try? store.epochReports(sweepID: sweepID, epoch: report.epoch)
        {
            for (key, other) in shared.sorted(by: { $0.key < $1.key }) where key != config.key {
                _ = rule?.report(
                    trial: key, epoch: other.epoch, value: other.metrics[spec.objective])
            }
        }
        return rule?.report(
            trial: config.key, epoch: report.epoch, value: report.metrics[spec.objective])
            ?? .continue
    }

    /// Stores how the worker run ended, under the claim: a final outcome, or the trial queued
    /// again (a crash with retries left, or this agent stopping). A claim the store refuses
    /// expired meanwhile: another agent runs the trial, so this run is dropped (counted `lost`).
    func settle(_ end: AgentTrialEnd) throws {
        let claim = end.claim
        running[claim.key] = nil
        do {
            if let error = end.storeError {
                throw error
            }
            if stopping, end.attempt.stopReason == .interrupted {
                try store.requeue(
                    key: claim.key, attempt: claim.attempt,
                    error: "its agent \(options.owner) was stopped")
                return
            }
            switch end.attempt.verdict(attempts: claim.attempt, maxRetries: options.maxRetries) {
            case .retry(let reason):
                try store.requeue(key: claim.key, attempt: claim.attempt, error: reason)
                summary.retries += 1
                emit(.retrying(claim.config, reason: reason))
            case .finish(let outcome):
                try store.finish(key: claim.key, attempt: claim.attempt, outcome: outcome)
                summary.outcomes[outcome.state, default: 0] += 1
                emit(.finished(claim.config, outcome, seconds: end.seconds))
            }
        } catch StoreError.staleAttempt {
            summary.lost += 1
            emit(.lost(claim.config, attempt: claim.attempt))
        }
    }
}
