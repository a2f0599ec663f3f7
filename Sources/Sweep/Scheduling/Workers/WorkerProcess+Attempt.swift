import Trainer

extension WorkerProcess {
    /// Reads this worker's output until it exits, into a ``TrialAttempt``: each epoch goes to
    /// `record` (a failed write stops the worker as `interrupted` and is returned as the store
    /// error), then to `decide` (a prune stops the worker); after `timeout` seconds on `clock`
    /// the worker is stopped as timed out. The one reading of the worker protocol that `run`'s
    /// scheduler and an agent share; `decode` reads one stdout line (nil: not a message).
    func attempt(
        timeout: Double?, clock: any Clock<Duration>,
        decode: (String) -> WorkerMessage? = { WorkerMessage(line: $0) },
        record: (EpochReport) throws -> Void,
        decide: (EpochReport) async -> EarlyStopDecision
    ) async -> (attempt: TrialAttempt, storeError: (any Error)?) {
        let watchdog = timeout.map { limit in
            Task { [clock] in
                try? await clock.sleep(for: .seconds(limit))
                if !Task.isCancelled {
                    stop(.timedOut(seconds: limit))
                }
            }
        }
        var attempt = TrialAttempt()
        var storeError: (any Error)?
        for await output in output {
            switch output {
            case .line(let line):
                guard stopReason == nil else { continue }
                guard let message = decode(line) else {
                    if attempt.garbage == nil && !line.allSatisfy(\.isWhitespace) {
                        attempt.garbage = line
                    }
                    continue
                }
                switch message {
                case .epoch(let report):
                    attempt.epochsReached = max(attempt.epochsReached, report.epoch)
                    attempt.lastMetrics = report.metrics
                    do {
                        try record(report)
                    } catch {
                        storeError = error
                        stop(.interrupted)
                        continue
                    }
                    if case .prune(let reason) = await decide(report) {
                        stop(.pruned(epoch: report.epoch, reason: reason))
                    }
                case .result(let result):
                    attempt.result = result
                case .error(let message):
                    attempt.workerError = message
                }
            case .exit(let exit, let stderrTail):
                attempt.exit = exit
                attempt.stderrTail = stderrTail
            }
        }
        watchdog?.cancel()
        attempt.stopReason = stopReason
        return (attempt, storeError)
    }
}
