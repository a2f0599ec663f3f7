import Foundation
import Trainer

/// What one worker run of a trial produced, collected from its output, and how it ended.
public struct TrialAttempt: Sendable, Equatable {
    /// The highest epoch the worker reported.
    public var epochsReached = 0
    /// The metrics of the last reported epoch (what a pruned trial is ranked by).
    public var lastMetrics: DetectionMetrics?
    public var result: TrainingResult?
    /// The worker's own error line (bad dataset/config): deterministic, so never retried.
    public var workerError: String?
    /// The first stdout line that was not a protocol message.
    public var garbage: String?
    public var exit: WorkerExit?
    public var stderrTail: [String] = []
    /// Set when the scheduler killed the worker.
    public var stopReason: WorkerStopReason?

    public init() {}

    /// What the scheduler does with a finished attempt.
    public enum Verdict: Sendable, Equatable {
        /// Store this outcome (a final state, or `interrupted`).
        case finish(TrialOutcome)
        /// A crash with retries left: queue the trial again, keeping `reason`.
        case retry(reason: String)
    }

    /// Decides the attempt's fate. A reported result wins over the exit status (diverged, and
    /// failed with the result's reason, are results, never retried); a crash — non-zero exit,
    /// death by signal, or no result — is retried while `attempts ≤ maxRetries`, then `failed`
    /// with the reason.
    public func verdict(attempts: Int, maxRetries: Int, at now: Date = Date()) -> Verdict {
        func finish(_ state: TrialState, _ error: String?, epochs: Int? = nil) -> Verdict {
            .finish(
                TrialOutcome(
                    state: state, result: nil, epochsReached: epochs ?? epochsReached,
                    error: error, endedAt: now))
        }
        switch stopReason {
        case .interrupted:
            return finish(.interrupted, "stopped by the user after epoch \(epochsReached)")
        case .timedOut(let seconds):
            return finish(
                .timedOut,
                "ran longer than trial_timeout (\(ReportFormat.duration(seconds))); killed after "
                    + "epoch \(epochsReached)")
        case .pruned(let epoch, let reason):
            return finish(.pruned, reason, epochs: epoch)
        case nil:
            break
        }
        if let result {
            let state: TrialState =
                switch result.status {
                case .completed: .completed
                case .diverged: .diverged
                case .failed: .failed
                }
            return .finish(
                TrialOutcome(
                    state: state, result: result, epochsReached: max(epochsReached, result.epochs),
                    error: result.reason, endedAt: now))
        }
        if let workerError {
            return finish(.failed, "worker error: \(workerError)")
        }
        let reason = crashReason()
        return attempts <= maxRetries ? .retry(reason: reason) : finish(.failed, reason)
    }

    /// "worker exit code 3 after epoch 1; stderr: …", naming what the user needs to debug it.
    func crashReason() -> String {
        var reason = "worker " + (exit?.description ?? "ended")
        if exit?.isSuccess ?? false {
            reason += " without a result"
        }
        reason += " after epoch \(epochsReached)"
        if let garbage {
            reason += "; unreadable output: '\(garbage.prefix(200))'"
        }
        let stderr =
            stderrTail.first(where: Self.looksLikeError)
            ?? stderrTail.suffix(5).joined(separator: " | ")
        if !stderr.isEmpty {
            reason += "; stderr: \(stderr)"
        }
        return reason
    }

    /// Whether a stderr line reads like the error itself (`Fatal error: …`, `error: …`), the
    /// line worth storing rather than the backtrace below it.
    static func looksLikeError(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return ["fatal error", "error:", "panic", "exception"].contains { lowered.contains($0) }
    }
}
