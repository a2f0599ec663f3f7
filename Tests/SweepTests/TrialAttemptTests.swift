import Foundation
import Testing
import Trainer

@testable import Sweep

/// How a finished worker run is judged (`TrialAttempt.verdict`), without processes.
@Suite struct TrialAttemptTests {
    private func crashed(_ exit: WorkerExit, stderr: [String] = []) -> TrialAttempt {
        var attempt = TrialAttempt()
        attempt.epochsReached = 1
        attempt.exit = exit
        attempt.stderrTail = stderr
        return attempt
    }

    @Test func aCrashIsRetriedWhileAttemptsAreLeft() {
        let attempt = crashed(.signaled(SIGSEGV), stderr: ["a", "b"])
        let reason = "worker killed by signal 11 (SIGSEGV) after epoch 1; stderr: a | b"
        #expect(attempt.verdict(attempts: 1, maxRetries: 1) == .retry(reason: reason))
        guard case .finish(let outcome) = attempt.verdict(attempts: 2, maxRetries: 1) else {
            Issue.record("expected a final outcome")
            return
        }
        #expect(outcome.state == .failed)
        #expect(outcome.error == reason)
        #expect(outcome.epochsReached == 1)
    }

    @Test func theErrorLineIsKeptRatherThanTheBacktrace() {
        let stderr = ["Fatal error: index out of range", "0x0001 libswiftCore.so", "0x0002 main"]
        let attempt = crashed(.signaled(SIGILL), stderr: stderr)
        #expect(
            attempt.verdict(attempts: 1, maxRetries: 1)
                == .retry(
                    reason: "worker killed by signal 4 (SIGILL) after epoch 1; "
                        + "stderr: Fatal error: index out of range"))
    }

    @Test func noRetriesMeansTheFirstCrashFails() {
        let verdict = crashed(.exited(code: 1)).verdict(attempts: 1, maxRetries: 0)
        guard case .finish(let outcome) = verdict else {
            Issue.record("expected a final outcome")
            return
        }
        #expect(outcome.state == .failed)
        #expect(outcome.error == "worker exit code 1 after epoch 1")
    }

    @Test func aResultWinsOverTheExitStatus() {
        var attempt = crashed(.exited(code: 1))
        attempt.result = TrainingResult(
            status: .diverged, epochs: 2, metrics: nil, seconds: 1, imagesPerSecond: 1,
            reason: "NaN loss")
        guard case .finish(let outcome) = attempt.verdict(attempts: 1, maxRetries: 5) else {
            Issue.record("expected a final outcome")
            return
        }
        #expect(outcome.state == .diverged)
        #expect(outcome.result == attempt.result)
        #expect(outcome.epochsReached == 2)
        #expect(outcome.error == "NaN loss")
    }

    /// A failed evaluation is its own outcome, `failed` with the reason, never `diverged`, and
    /// never retried however many retries are left.
    @Test(arguments: [
        (TrainingStatus.completed, TrialState.completed),
        (TrainingStatus.diverged, TrialState.diverged),
        (TrainingStatus.failed, TrialState.failed),
    ])
    func eachResultStatusHasItsOwnState(status: TrainingStatus, state: TrialState) {
        var attempt = TrialAttempt()
        attempt.exit = .exited(code: 0)
        attempt.result = TrainingResult(
            status: status, epochs: 1, metrics: nil, seconds: 1, imagesPerSecond: 1,
            reason: "evaluation after epoch 2 failed: x")
        guard case .finish(let outcome) = attempt.verdict(attempts: 1, maxRetries: 5) else {
            Issue.record("expected a final outcome")
            return
        }
        #expect(outcome.state == state)
        #expect(outcome.error == "evaluation after epoch 2 failed: x")
    }

    @Test func stopReasonsDecideTheState() {
        var attempt = crashed(.signaled(SIGKILL))
        attempt.stopReason = .timedOut(seconds: 90)
        #expect(stateOf(attempt) == .timedOut)
        attempt.stopReason = .pruned(epoch: 1, reason: "below median")
        #expect(stateOf(attempt) == .pruned)
        attempt.stopReason = .interrupted
        #expect(stateOf(attempt) == .interrupted)
    }

    private func stateOf(_ attempt: TrialAttempt) -> TrialState? {
        if case .finish(let outcome) = attempt.verdict(attempts: 1, maxRetries: 3) {
            return outcome.state
        }
        return nil
    }

    @Test func waitStatusesDecode() {
        #expect(WorkerExit(waitStatus: 0) == .exited(code: 0))
        #expect(WorkerExit(waitStatus: 3 << 8) == .exited(code: 3))
        #expect(WorkerExit(waitStatus: 9) == .signaled(9))
        #expect(WorkerExit.signaled(9).description == "killed by signal 9 (SIGKILL)")
    }
}
