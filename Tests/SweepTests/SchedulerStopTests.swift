import Foundation
import Testing
import Trainer

@testable import Sweep

/// Stopping a run (signals, store failures) and refusing to start one (bad data, bad worker).
@Suite struct SchedulerStopTests {
    typealias Fixtures = SchedulerFixtures

    /// Runs `spec` with two jobs and `worker` and, once two trials have reported their first
    /// epoch, asks `stops` times for the run to stop, then opens `gate` (the file gated fake
    /// workers wait for after epoch 1, so no trial can end before the stop); returns how the run
    /// ended.
    private func stopAfterTwoFirstEpochs(
        _ spec: SweepSpec, _ store: any TrialStore, worker: WorkerLauncher, grace: Double,
        stops: Int = 1, gate: String? = nil, log: EventLog = EventLog()
    ) async throws -> RunSummary {
        let scheduler = Scheduler(
            spec: spec, store: store, launcher: worker,
            options: Fixtures.options(spec, jobs: 2, grace: grace), onEvent: log.record)
        let openGate = {
            if let gate { _ = FileManager.default.createFile(atPath: gate, contents: nil) }
        }
        async let summary = scheduler.run()
        do {
            try await log.waitForFirstEpochs(2)
        } catch {
            openGate()  // so the gated workers end and the run with them
            throw error
        }
        for _ in 0..<stops {
            await scheduler.requestStop()
        }
        openGate()
        return try await summary
    }

    @Test func aSecondStopRequestInterruptsRunningTrialsAndTheNextRunContinues() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3])
            let log = EventLog()
            let stopped = try await stopAfterTwoFirstEpochs(
                spec, store, worker: Fixtures.worker("hang"), grace: 60, stops: 2, log: log)

            #expect(stopped.ending == .stopped)
            #expect(stopped.outcomes == [.interrupted: 2])
            #expect(stopped.remaining == 3)
            #expect(log.all.contains(.draining(grace: 60)))
            #expect(log.all.contains(.interrupting))
            let states = try store.trials(sweep: spec.name).map(\.state)
            #expect(states == [.interrupted, .interrupted, .queued])

            let next = try await Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("ok"),
                options: Fixtures.options(spec)
            ).run()
            #expect(next.outcomes == [.completed: 3])
            #expect(try store.trials(sweep: spec.name).map(\.attempts) == [2, 2, 1])
        }
    }

    @Test func aFirstStopRequestLetsRunningTrialsFinish() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3, 0.4], epochs: 2)
            let log = EventLog()
            let gate = folder.path("gate")
            let stopped = try await stopAfterTwoFirstEpochs(
                spec, store, worker: Fixtures.worker("ok", ["FAKE_GATE": gate]), grace: 600,
                gate: gate, log: log)

            #expect(stopped.ending == .stopped)
            #expect(stopped.outcomes == [.completed: 2])
            #expect(log.startedKeys.count == 2)
            let states = try store.trials(sweep: spec.name).map(\.state)
            #expect(states == [.completed, .completed, .queued, .queued])
        }
    }

    @Test func aStopThatLetsTheLastTrialsFinishLeavesNothingToContinue() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2], epochs: 2)
            let gate = folder.path("gate")
            let ended = try await stopAfterTwoFirstEpochs(
                spec, store, worker: Fixtures.worker("ok", ["FAKE_GATE": gate]), grace: 600,
                gate: gate)

            #expect(ended.ending == .allFinished)
            #expect(ended.outcomes == [.completed: 2])
            #expect(ended.remaining == 0)
        }
    }

    /// Both workers reported epoch 1 and hang before the stop, so the short grace period can
    /// only end with them interrupted after that epoch.
    @Test func theGracePeriodEndsWithInterruptedTrials() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec(lrs: [0.1, 0.2])
            let stopped = try await stopAfterTwoFirstEpochs(
                spec, store, worker: Fixtures.worker("hang"), grace: 0.3)

            #expect(stopped.outcomes == [.interrupted: 2])
            for trial in try store.trials(sweep: spec.name) {
                #expect(trial.state == .interrupted)
                #expect(trial.error == "stopped by the user after epoch 1")
            }
        }
    }

    @Test func aMissingDatasetStopsBeforeAnythingIsStored() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            var spec = Fixtures.spec()
            let missing = folder.path("nowhere/data.yaml")
            spec.trainer.data = .yolo(path: missing, skipCorrupt: false)
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("ok"),
                options: Fixtures.options(spec))
            await #expect(throws: SchedulerError.dataset(.missingFile(path: missing))) {
                try await scheduler.run()
            }
            #expect(try store.sweepNames().isEmpty)
        }
    }

    @Test func aMissingWorkerProgramIsNamed() async throws {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let spec = Fixtures.spec()
            let program = folder.path("no-such-worker")
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: WorkerLauncher(executable: program),
                options: Fixtures.options(spec))
            let error = await #expect(throws: SchedulerError.self) { try await scheduler.run() }
            #expect(error?.description.contains(program) == true)
            #expect(try store.sweepNames().isEmpty)
        }
    }

    @Test func aFailingStoreWriteStopsTheRunAndLeavesNothingRunning() async throws {
        try await TemporaryFolder.withAsync { folder in
            let path = folder.path("sweeps.sqlite")
            let store = DiskFullOnEpochStore(inner: try SQLiteTrialStore(path: path))
            let spec = Fixtures.spec(lrs: [0.1, 0.2, 0.3], epochs: 3)
            let scheduler = Scheduler(
                spec: spec, store: store, launcher: Fixtures.worker("ok", ["FAKE_SLEEP": "0.1"]),
                options: Fixtures.options(spec))
            await #expect(throws: SchedulerError.store(.diskFull(path: path))) {
                try await scheduler.run()
            }
            let states = try store.inner.trials(sweep: spec.name).map(\.state)
            #expect(!states.contains(.running))
            #expect(states.contains(.interrupted))
        }
    }
}

/// A store whose epoch writes fail as on a full disk.
struct DiskFullOnEpochStore: TrialStore {
    let inner: SQLiteTrialStore

    func openSweep(name: String, specText: String) throws -> Int64 {
        try inner.openSweep(name: name, specText: specText)
    }
    func plan(sweepID: Int64, trials: [TrialConfig], limit: Int?) throws {
        try inner.plan(sweepID: sweepID, trials: trials, limit: limit)
    }
    func requeueUnfinished(sweepID: Int64) throws -> [Int32] {
        try inner.requeueUnfinished(sweepID: sweepID)
    }
    func queuedTrials(sweepID: Int64) throws -> [TrialConfig] {
        try inner.queuedTrials(sweepID: sweepID)
    }
    func markRunning(key: String, pid: Int32, at: Date) throws {
        try inner.markRunning(key: key, pid: pid, at: at)
    }
    func requeue(key: String, error: String) throws { try inner.requeue(key: key, error: error) }
    func epochReports(sweepID: Int64, epoch: Int) throws -> [String: EpochReport] {
        try inner.epochReports(sweepID: sweepID, epoch: epoch)
    }
    func attempts(key: String) throws -> Int { try inner.attempts(key: key) }
    func recordEpoch(key: String, report: EpochReport) throws {
        throw StoreError.diskFull(path: inner.path)
    }
    func finish(key: String, outcome: TrialOutcome) throws {
        try inner.finish(key: key, outcome: outcome)
    }
    func trialRecords(sweepID: Int64) throws -> [TrialRecord] {
        try inner.trialRecords(sweepID: sweepID)
    }
}
