import Foundation
import Testing
import Trainer

@testable import Sweep

/// The scheduler against fake workers (`Fixtures/workers/*.sh`) and a temporary SQLite store.
@Suite struct SchedulerTests {
    typealias Fixtures = SchedulerFixtures

    private func run(
        _ spec: SweepSpec, _ store: any TrialStore, _ launcher: WorkerLauncher, jobs: Int = 2,
        rule: (any EarlyStopRule)? = nil, history: SweepHistory = SweepHistory(),
        log: EventLog = EventLog()
    ) async throws -> RunSummary {
        let scheduler = Scheduler(
            spec: spec, store: store, launcher: launcher,
            options: Fixtures.options(spec, jobs: jobs), earlyStop: rule, history: history,
            onEvent: log.record)
        return try await scheduler.run()
    }

    /// Stores what an earlier run of `spec` left: every trial planned, the first `completed`
    /// of them finished; returns the sweep id and the planned trials.
    private func storeEarlierRun(_ spec: SweepSpec, _ store: any TrialStore, completed: Int)
        throws -> (sweepID: Int64, planned: [TrialConfig])
    {
        let sweepID = try store.openSweep(name: spec.name, specText: spec.sourceText)
        let planned = spec.planTrials()
        try store.plan(sweepID: sweepID, trials: planned)
        for trial in planned.prefix(completed) {
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            try store.finish(
                key: trial.key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.9)))
        }
        return (sweepID, planned)
    }

    @Test func runsEveryTrialWithTwoJobsAndStoresTheMetrics() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3, 0.4, 0.5], epochs: 3)
            let log = EventLog()
            let launcher = Fixtures.worker("ok", ["FAKE_SLEEP": "0.05"])
            let summary = try await run(spec, store, launcher, jobs: 2, log: log)

            #expect(summary.ending == .allFinished)
            #expect(summary.outcomes == [.completed: 5])
            #expect(summary.remaining == 0)
            #expect(log.maxRunning == 2)
            let trials = try store.trials(sweep: "sched")
            #expect(trials.map(\.state) == Array(repeating: .completed, count: 5))
            #expect(trials.map(\.attempts) == [1, 1, 1, 1, 1])
            for trial in trials {
                #expect(trial.metricsSource == .final)
                #expect(trial.metrics?.apSmall == trial.config.parameters.lr)
                #expect(trial.epochsReached == 3)
                let epochs = try store.epochReports(key: trial.key)
                #expect(epochs.map(\.epoch) == [1, 2, 3])
                let lastValue = try #require(epochs.last).metrics.apSmall
                #expect(abs(lastValue - trial.config.parameters.lr) < 1e-9)
            }
            let ranked = try store.ranking(sweep: "sched").map(\.trial.config.parameters.lr)
            #expect(ranked == [0.5, 0.4, 0.3, 0.2, 0.1])
        }
    }

    @Test func queuedTrialsAnEditedGridDropsStayStoredButDoNotRun() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let launcher = Fixtures.worker("ok")
            let original = Fixtures.spec(lrs: [0.1, 0.2, 0.3, 0.4])
            let (sweepID, planned) = try storeEarlierRun(original, store, completed: 1)

            let log = EventLog()
            let edited = try await run(Fixtures.spec(lrs: [0.1, 0.2]), store, launcher, log: log)
            #expect(log.startedKeys == [planned[1].key])
            #expect(log.all.first == .setAside(count: 2))
            #expect(edited.total == 2 && edited.remaining == 0 && edited.setAside == 2)
            #expect(edited.ending == .allFinished)
            #expect(
                ProgressLine.summary(edited).contains("2 no longer in the sweep file not run"))
            let queued = try store.queuedTrials(sweepID: sweepID).map(\.key)
            #expect(queued == planned[2...].map(\.key))

            let restored = EventLog()
            let again = try await run(original, store, launcher, log: restored)
            #expect(Set(restored.startedKeys) == Set(planned[2...].map(\.key)))
            #expect(again.setAside == 0 && again.outcomes == [.completed: 2])
        }
    }

    @Test func rerunningContinuesWithoutRunningAnythingTwice() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec()
            let launcher = Fixtures.worker("ok")
            // An earlier run finished trials 0 and 1 and died while trial 2 ran.
            let (_, planned) = try storeEarlierRun(spec, store, completed: 2)
            try store.markRunning(key: planned[2].key, pid: 999_999, at: Date())

            let log = EventLog()
            let first = try await run(spec, store, launcher, log: log)
            #expect(Set(log.startedKeys) == Set(planned[2...].map(\.key)))
            #expect(first.outcomes == [.completed: 2])
            #expect(try store.attempts(key: planned[2].key) == 2)
            #expect(try store.attempts(key: planned[0].key) == 1)

            let again = EventLog()
            let second = try await run(spec, store, launcher, log: again)
            #expect(again.startedKeys.isEmpty)
            #expect(second.finished == 0)
            #expect(second.ending == .allFinished)
            #expect(try store.trials(sweep: spec.name).count == 4)
        }
    }

    @Test func aCrashIsRetriedThenFailedWithTheReason() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2], maxRetries: 2)
            let log = EventLog()
            let summary = try await run(spec, store, Fixtures.worker("crash"), log: log)

            #expect(summary.outcomes == [.failed: 2])
            #expect(summary.retries == 4)
            #expect(log.retries == 4)
            for trial in try store.trials(sweep: spec.name) {
                #expect(trial.state == .failed)
                #expect(trial.attempts == 3)
                let error = try #require(trial.error)
                #expect(error.contains("exit code 3"))
                #expect(error.contains("simulated crash in trial \(trial.key)"))
            }
        }
    }

    @Test func aCrashThatGoesAwayOnRetryCompletes() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1], maxRetries: 1)
            let launcher = Fixtures.worker("crash-once", ["FAKE_STATE_DIR": folder.url.path])
            let log = EventLog()
            let summary = try await run(spec, store, launcher, log: log)

            #expect(summary.outcomes == [.completed: 1])
            let retry = log.all.compactMap { event -> String? in
                if case .retrying(_, let reason) = event { reason } else { nil }
            }
            #expect(retry.count == 1)
            #expect(retry.first?.contains("SIGSEGV") == true)
            let trial = try #require(try store.trials(sweep: spec.name).first)
            #expect(trial.state == .completed)
            #expect(trial.attempts == 2)
        }
    }

    @Test func aHangingTrialTimesOut() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2], trialTimeout: 0.5, maxRetries: 3)
            let log = EventLog()
            let summary = try await run(spec, store, Fixtures.worker("hang"), log: log)

            #expect(summary.outcomes == [.timedOut: 2])
            for trial in try store.trials(sweep: spec.name) {
                #expect(trial.state == .timedOut)
                #expect(trial.attempts == 1)
                // A loaded machine may start the worker too late for its epoch 1 to arrive
                // within the timeout; whatever arrived is stored and named in the error.
                let reported = log.trialsThatReported(epoch: 1).contains(trial.key) ? 1 : 0
                #expect(trial.epochsReached == reported)
                #expect(
                    trial.error?.hasPrefix("ran longer than trial_timeout") == true
                        && trial.error?.hasSuffix("killed after epoch \(reported)") == true,
                    "\(trial.error ?? "no error")")
            }
        }
    }

    @Test func divergenceIsAResultAndNotRetried() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1], maxRetries: 3)
            let summary = try await run(spec, store, Fixtures.worker("diverge"))

            #expect(summary.outcomes == [.diverged: 1])
            #expect(summary.retries == 0)
            let trial = try #require(try store.trials(sweep: spec.name).first)
            #expect(trial.state == .diverged)
            #expect(trial.attempts == 1)
            #expect(trial.epochsReached == 2)
            #expect(trial.error == "loss became NaN in epoch 2")
            let epochs = try store.epochReports(key: trial.key)
            #expect(epochs.count == 2)
            #expect(epochs.last?.loss.isNaN == true)
        }
    }

    @Test func garbageOutputFailsWithAReason() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1], maxRetries: 0)
            let summary = try await run(spec, store, Fixtures.worker("garbage"))

            #expect(summary.outcomes == [.failed: 1])
            let trial = try #require(try store.trials(sweep: spec.name).first)
            #expect(trial.state == .failed)
            let error = try #require(trial.error)
            #expect(error.contains("without a result"))
            #expect(error.contains("unreadable output: 'Segmentation fault (core dumped)"))
        }
    }

    @Test func aWorkerErrorLineFailsAtOnce() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1], maxRetries: 3)
            let summary = try await run(spec, store, Fixtures.worker("error"))

            #expect(summary.outcomes == [.failed: 1])
            #expect(summary.retries == 0)
            let trial = try #require(try store.trials(sweep: spec.name).first)
            #expect(trial.attempts == 1)
            #expect(trial.error == "worker error: /data/missing/data.yaml: no such file")
        }
    }

    @Test func theEarlyStoppingRulePrunesATrial() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            // The victim stalls after epoch 2, so only the prune can end it (the timeout is a
            // backstop that would fail the test, not hang it).
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3], epochs: 3, trialTimeout: 60)
            let victim = spec.planTrials()[1]
            let rule = MockEarlyStopRule(pruneAt: [victim.key: 2])
            let history = SweepHistory(epochs: [
                (
                    "earlier-trial",
                    EpochReport(
                        epoch: 1, loss: 1, metrics: StoreFixtures.metrics(apSmall: 0.5), seconds: 1)
                )
            ])
            let summary = try await run(
                spec, store, Fixtures.worker("ok", ["FAKE_STALL_LR": "0.2"]), rule: rule,
                history: history)

            #expect(summary.outcomes == [.completed: 2, .pruned: 1])
            #expect(rule.log.all.first == "earlier-trial@1")
            #expect(
                rule.log.all.filter { $0.hasPrefix(victim.key) } == [
                    "\(victim.key)@1", "\(victim.key)@2",
                ])
            let pruned = try store.trial(key: victim.key)
            #expect(pruned.state == .pruned)
            #expect(pruned.epochsReached == 2)
            #expect(pruned.error == "mock: below the median at epoch 2")
            #expect(pruned.metricsSource == .epoch(2))
            #expect(try store.ranking(sweep: spec.name).contains { $0.trial.key == victim.key })
        }
    }

    @Test func noTrialStartsAfterTheTimeBudget() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            // Each trial takes at least 0.6 s, one at a time: within a 1 s budget at most two
            // start, whatever the machine's speed.
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3, 0.4, 0.5], epochs: 2, timeBudget: 1)
            let log = EventLog()
            let summary = try await run(
                spec, store, Fixtures.worker("ok", ["FAKE_SLEEP": "0.3"]), jobs: 1, log: log)

            #expect(summary.ending == .timeBudget)
            #expect((1...2).contains(log.startedKeys.count))
            #expect(log.all.contains(.budgetReached))
            let states = try store.trials(sweep: spec.name).map(\.state)
            #expect(states.filter { $0 == .completed }.count == log.startedKeys.count)
            #expect(states.filter { $0 == .queued }.count == 5 - log.startedKeys.count)
            #expect(summary.remaining == 5 - log.startedKeys.count)
        }
    }
}
