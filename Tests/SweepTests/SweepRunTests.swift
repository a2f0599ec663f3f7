import Foundation
import Testing
import Trainer

@testable import Sweep

/// ``SweepRun`` wires a whole `run` (store, lock, scheduler, closing) and the scheduler keeps
/// time on the clock it is given.
@Suite struct SweepRunTests {
    typealias Fixtures = SchedulerFixtures

    @Test func runsTheSweepAndLeavesOneClosedDatabaseFile() async throws {
        try await TemporaryFolder.withAsync { folder in
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3])
            let db = folder.path("sweeps.sqlite")
            let result = try await SweepRun(
                spec: spec, databasePath: db, options: Fixtures.options(spec),
                workerCommand: Fixtures.worker("ok").executable
            ).run()
            #expect(result.summary.ending == .allFinished)
            #expect(result.summary.outcomes == [.completed: 3])
            #expect(result.trials.map(\.state) == [.completed, .completed, .completed])
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(files.sorted() == ["sweeps.sqlite", "sweeps.sqlite.lock"])
            #expect(!RunLock.isHeld(databasePath: db))
        }
    }

    @Test func aSecondRunOnTheSameDatabaseIsRefused() async throws {
        try await TemporaryFolder.withAsync { folder in
            let spec = Fixtures.spec(lrs: [0.1])
            let db = folder.path("sweeps.sqlite")
            let lock = try RunLock(databasePath: db)
            await #expect(throws: SchedulerError.databaseInUse(path: db)) {
                _ = try await SweepRun(
                    spec: spec, databasePath: db, options: Fixtures.options(spec),
                    workerCommand: Fixtures.worker("ok").executable
                ).run()
            }
            withExtendedLifetime(lock) {}
        }
    }

    /// A five-minute trial timeout on a clock 2000 times faster ends hanging trials in about
    /// 0.15 s; the run's elapsed time is the clock's.
    @Test(.timeLimit(.minutes(1)))
    func trialTimeoutsAndElapsedTimeFollowTheInjectedClock() async throws {
        try await TemporaryFolder.withAsync { folder in
            let spec = Fixtures.spec(lrs: [0.1, 0.2], trialTimeout: 300, maxRetries: 0)
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let summary = try await Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("hang"),
                options: Fixtures.options(spec), clock: FastClock(speed: 2000)
            ).run()
            #expect(summary.outcomes == [.timedOut: 2])
            #expect(summary.seconds >= 300)
            try store.close()
        }
    }

    /// The grace period after a stop request runs on the injected clock too.
    @Test(.timeLimit(.minutes(1)))
    func theGracePeriodFollowsTheInjectedClock() async throws {
        try await TemporaryFolder.withAsync { folder in
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3])
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let log = EventLog()
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("hang"),
                options: Fixtures.options(spec, jobs: 2, grace: 600),
                clock: FastClock(speed: 2000), onEvent: log.record)
            async let summary = scheduler.run()
            try await log.waitForStarts(2)
            await scheduler.requestStop()
            let stopped = try await summary
            #expect(stopped.ending == .stopped)
            #expect(stopped.outcomes == [.interrupted: 2])
            #expect(log.all.contains(.interrupting))
            try store.close()
        }
    }

    /// Stop requests (signals) that come before the scheduler exists or before its run begins
    /// are kept: the run plans, starts nothing and ends stopped, whether once or twice.
    @Test(arguments: [1, 2])
    func stopsBeforeTheRunBeginsHold(stops: Int) async throws {
        try await TemporaryFolder.withAsync { folder in
            let spec = Fixtures.spec(lrs: [0.1, 0.2])
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let relay = StopRelay()
            for _ in 0..<stops {
                relay.request()
            }
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("ok"),
                options: Fixtures.options(spec))
            await relay.attach(scheduler)
            let summary = try await scheduler.run()
            #expect(summary.ending == .stopped)
            #expect(summary.outcomes.isEmpty)
            #expect(try store.trials(sweep: spec.name).map(\.state) == [.queued, .queued])
            try store.close()
        }
    }
}
