import Foundation
import GRDB
import Synchronization
import Testing
import Trainer

@testable import Sweep

@Suite struct SQLiteTrialStoreTests {
    @Test func migrationsCreateTheSchema() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("nested/dir/sweeps.sqlite"))
            try store.pool.read { db in
                for table in ["sweep", "trial", "epoch_metric", "final_metric"] {
                    #expect(try db.tableExists(table), "missing table \(table)")
                }
                let trialColumns = Set(try db.columns(in: "trial").map(\.name))
                #expect(
                    trialColumns.isSuperset(of: [
                        "id", "sweep_id", "key", "plan_index", "lr", "weight_decay", "batch_size",
                        "loss", "seed", "config_json", "state", "worker_pid", "attempts",
                        "started_at", "ended_at", "epochs_reached", "error",
                    ]))
                let finalColumns = Set(try db.columns(in: "final_metric").map(\.name))
                #expect(finalColumns.isSuperset(of: MetricColumns.names))
                #expect(finalColumns.isSuperset(of: ["seconds", "images_per_second", "status"]))
                let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode")
                #expect(journal == "wal")
                #expect(try StoreMigrations.migrator.hasCompletedMigrations(db))
            }
        }
    }

    @Test func reopeningKeepsEverything() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let first = try SQLiteTrialStore(path: path)
            let id = try first.openSweep(name: "s", specText: "name: s")
            try first.plan(sweepID: id, trials: [StoreFixtures.trial(0)])
            let second = try SQLiteTrialStore(path: path)
            #expect(try second.openSweep(name: "s", specText: "changed") == id)
            #expect(try second.queuedTrials(sweepID: id).count == 1)
            let spec = try second.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT spec_text FROM sweep WHERE id = ?", arguments: [id])
            }
            #expect(spec == "name: s")
        }
    }

    @Test func planningTwiceAddsNoDuplicates() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trials = (0..<4).map { StoreFixtures.trial($0, lr: 0.001 * Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            try store.markRunning(key: trials[0].key, pid: 42, at: Date())
            try store.plan(sweepID: id, trials: trials + [StoreFixtures.trial(4, lr: 0.5)])
            let all = try store.trials(sweep: "s")
            #expect(all.map(\.index) == [0, 1, 2, 3, 4])
            #expect(all[0].state == .running, "re-planning must not reset an existing trial")
            #expect(try store.queuedTrials(sweepID: id).map(\.index) == [1, 2, 3, 4])
            #expect(try store.queuedTrials(sweepID: id).first == trials[1])
        }
    }

    @Test func lifecycleStoresFinalMetricsOnce() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0, seed: UInt64.max)
            try store.plan(sweepID: id, trials: [trial])
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            try store.markRunning(key: trial.key, pid: 1234, at: start)
            #expect(try store.attempts(key: trial.key) == 1)
            var running = try store.trial(key: trial.key)
            #expect(running.state == .running)
            #expect(running.workerPID == 1234)
            #expect(running.startedAt == start)

            let metrics = StoreFixtures.metrics(apSmall: 0.123456789012345)
            try store.finish(key: trial.key, outcome: StoreFixtures.completed(metrics))
            try store.finish(key: trial.key, outcome: StoreFixtures.completed(metrics))
            running = try store.trial(key: trial.key)
            #expect(running.state == .completed)
            #expect(running.workerPID == nil)
            #expect(running.metrics == metrics, "metrics must round-trip exactly")
            #expect(running.metricsSource == .final)
            #expect(running.seconds == 12.5)
            #expect(running.imagesPerSecond == 40)
            #expect(running.epochsReached == 3)
            #expect(running.config.seed == UInt64.max)
            let rows = try store.pool.read {
                try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM final_metric")
            }
            #expect(rows == 1)
            #expect(try store.queuedTrials(sweepID: id).isEmpty)
        }
    }

    @Test func retriedTrialCountsAttemptsAndKeepsTheError() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0)
            try store.plan(sweepID: id, trials: [trial])
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            try store.requeue(key: trial.key, error: "worker exited with signal 9")
            try store.markRunning(key: trial.key, pid: 2, at: Date())
            try store.finish(
                key: trial.key,
                outcome: TrialOutcome(state: .failed, epochsReached: 1, error: "exit code 3"))
            let record = try store.trial(key: trial.key)
            #expect(try store.attempts(key: trial.key) == 2)
            #expect(record.state == .failed)
            #expect(record.error == "exit code 3")
            #expect(record.metrics == nil)
            let status = try store.status(sweep: "s")
            #expect(status.problems.map(\.key) == [trial.key])
        }
    }

    @Test func requeueUnfinishedReturnsPidsAndQueuesAgain() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let other = try store.openSweep(name: "other", specText: "")
            let trials = (0..<4).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            let foreign = StoreFixtures.trial(0, sweep: "other")
            try store.plan(sweepID: other, trials: [foreign])
            try store.markRunning(key: trials[0].key, pid: 100, at: Date())
            try store.markRunning(key: trials[1].key, pid: 101, at: Date())
            try store.finish(key: trials[1].key, outcome: TrialOutcome(state: .interrupted))
            try store.markRunning(key: trials[2].key, pid: 102, at: Date())
            try store.finish(
                key: trials[2].key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.1)))
            try store.markRunning(key: foreign.key, pid: 200, at: Date())

            #expect(try store.requeueUnfinished(sweepID: id) == [100])
            let states = try store.trials(sweep: "s").map(\.state)
            #expect(states == [.queued, .queued, .completed, .queued])
            #expect(try store.queuedTrials(sweepID: id).map(\.index) == [0, 1, 3])
            #expect(try store.trial(key: foreign.key).state == .running)
            #expect(try store.requeueUnfinished(sweepID: id).isEmpty)
        }
    }

    @Test func epochMetricsAreStoredAndUpserted() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0)
            try store.plan(sweepID: id, trials: [trial])
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            let reports = (1...3).map { epoch in
                EpochReport(
                    epoch: epoch, loss: 1 / Double(epoch),
                    metrics: StoreFixtures.metrics(apSmall: 0.1 * Double(epoch)), seconds: 2)
            }
            for report in reports {
                try store.recordEpoch(key: trial.key, report: report)
            }
            var changed = reports[2]
            changed.loss = .nan
            try store.recordEpoch(key: trial.key, report: changed)
            let stored = try store.epochReports(key: trial.key)
            #expect(stored.count == 3)
            #expect(Array(stored.prefix(2)) == Array(reports.prefix(2)))
            #expect(stored[2].loss.isNaN)
            #expect(stored[2].metrics == reports[2].metrics)
            #expect(try store.epochReports(sweepID: id, epoch: 2)[trial.key] == reports[1])
            #expect(try store.trial(key: trial.key).epochsReached == 3)
        }
    }

    @Test func prunedTrialWithoutResultTakesItsLastEpoch() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0)
            try store.plan(sweepID: id, trials: [trial])
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            for epoch in 1...2 {
                try store.recordEpoch(
                    key: trial.key,
                    report: EpochReport(
                        epoch: epoch, loss: 1,
                        metrics: StoreFixtures.metrics(apSmall: 0.01 * Double(epoch)), seconds: 3))
            }
            try store.finish(
                key: trial.key, outcome: TrialOutcome(state: .pruned, epochsReached: 2))
            let record = try store.trial(key: trial.key)
            #expect(record.metricsSource == .epoch(2))
            #expect(record.metrics?.apSmall == 0.02)
            #expect(record.seconds == 6)
            let ranking = try store.ranking(sweep: "s")
            #expect(ranking.count == 1)
            #expect(ranking.first?.isPruned == true)
        }
    }

    @Test func listAndStatusCountStates() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let a = try store.openSweep(name: "a", specText: "")
            _ = try store.openSweep(name: "b", specText: "")
            let trials = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1), sweep: "a") }
            try store.plan(sweepID: a, trials: trials)
            try store.markRunning(key: trials[0].key, pid: 77, at: Date())
            try store.markRunning(key: trials[1].key, pid: 78, at: Date())
            try store.finish(
                key: trials[1].key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.25)))

            let sweeps = try store.sweeps()
            #expect(sweeps.map(\.name) == ["a", "b"])
            #expect(sweeps[0].counts == [.running: 1, .completed: 1, .queued: 1])
            #expect(sweeps[0].best?.metrics.apSmall == 0.25)
            #expect(sweeps[1].total == 0)
            #expect(sweeps[1].best == nil)

            let status = try store.status(sweep: "a")
            #expect(status.running.map(\.workerPID) == [77])
            #expect(status.problems.isEmpty)
            #expect(try store.latestSweepName() == "b")
        }
    }

    /// Openers creating one database at the same moment and closing it together (agents started
    /// and finishing together) all succeed: the losers of the races to turn WAL on and to
    /// checkpoint wait and retry instead of failing.
    @Test func storesOpenedAndClosedTogetherAllSucceed() throws {
        try TemporaryFolder.with { folder in
            for round in 0..<8 {
                let path = folder.path("race\(round).sqlite")
                let start = DispatchSemaphore(value: 0)
                let done = DispatchGroup()
                let errors = StoreFailures()
                for _ in 0..<6 {
                    done.enter()
                    Thread.detachNewThread {
                        start.wait()
                        do {
                            let store = try SQLiteTrialStore(path: path)
                            _ = try store.openSweep(name: "s", specText: "name: s")
                            try store.close()
                        } catch {
                            errors.list.withLock { $0.append("\(error)") }
                        }
                        done.leave()
                    }
                }
                for _ in 0..<6 { start.signal() }
                done.wait()
                let failed = errors.list.withLock { $0 }
                #expect(failed.isEmpty, "round \(round): \(failed)")
                let reader = try SQLiteTrialStore(path: path, readOnly: true)
                #expect(try reader.latestSweepName() == "s")
                try reader.close()
            }
        }
    }
}

/// The errors of stores used on threads of their own.
private final class StoreFailures: Sendable {
    let list = Mutex<[String]>([])
}
