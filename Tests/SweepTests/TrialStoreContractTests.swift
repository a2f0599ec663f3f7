import Foundation
import Testing
import Trainer

@testable import Sweep
@testable import SweepPostgres

/// The behaviour every ``TrialStore`` shares, checked on the SQLite store, the in-memory one and
/// the PostgreSQL one (on the server of `SWEEP_TEST_POSTGRES_URL`; see ``PostgresTestServer``).
@Suite struct TrialStoreContractTests {
    enum Kind: CaseIterable, Sendable {
        case sqlite
        case memory
        case postgres
    }

    private func withStore(_ kind: Kind, _ body: (any TrialStore) throws -> Void) throws {
        try withStores(kind) { open in try body(try open()) }
    }

    /// Runs `body` with a function that opens another connection to one store (as another agent
    /// would); the memory store hands out itself.
    func withStores(
        _ kind: Kind, _ body: (@Sendable () throws -> any TrialStore) throws -> Void
    ) throws {
        switch kind {
        case .sqlite:
            try TemporaryFolder.with { folder in
                let path = folder.path("sweeps.sqlite")
                try body { try SQLiteTrialStore(path: path) }
            }
        case .memory:
            let store = MemoryTrialStore()
            try body { store }
        case .postgres:
            try PostgresTestServer.withDatabase { url in
                try body { try PostgresTrialStore(url: url) }
            }
        }
    }

    /// Says, as a cancelled test with the reason, that the `.postgres` cases did not run (a
    /// cancelled case of a parameterized test is not listed); fails where they must run.
    @Test func postgresCasesHaveAServer() throws {
        try PostgresTestServer.withDatabase { url in #expect(!url.database.isEmpty) }
    }

    @Test(arguments: Kind.allCases)
    func planIsIdempotentAndQueuesInPlanOrder(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            #expect(try store.openSweep(name: "s", specText: "") == id)
            let trials = [2, 0, 1].map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            try store.plan(sweepID: id, trials: trials)
            #expect(try store.queuedTrials(sweepID: id).map(\.index) == [0, 1, 2])
        }
    }

    @Test(arguments: Kind.allCases)
    func replanningWithOtherTrainerSettingsIsRefusedAndKeepsTheStoredTrials(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            let trials = (0..<2).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            var edited = trials + [StoreFixtures.trial(2, lr: 3)]
            edited[1].training.epochs += 1
            let epochs = trials[1].training.epochs
            let error = #expect(throws: StoreError.self) {
                try store.plan(sweepID: id, trials: edited)
            }
            guard case .trainerSettingsChanged(let sweep, let changes, _) = error else {
                Issue.record("expected trainerSettingsChanged, got \(String(describing: error))")
                return
            }
            #expect(sweep == "s")
            #expect(changes == ["epochs \(epochs) → \(epochs + 1)"])
            #expect(try store.queuedTrials(sweepID: id) == trials)
        }
    }

    @Test(arguments: Kind.allCases)
    func trialsAddedByAnEditedGridAreNumberedAfterTheStoredOnes(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            try store.plan(
                sweepID: id, trials: [StoreFixtures.trial(0, lr: 1), StoreFixtures.trial(1, lr: 2)])
            try store.plan(
                sweepID: id, trials: [StoreFixtures.trial(0, lr: 1), StoreFixtures.trial(1, lr: 5)])
            let queued = try store.queuedTrials(sweepID: id)
            #expect(queued.map(\.index) == [0, 1, 2])
            #expect(queued.map(\.parameters.lr) == [1, 2, 5])
        }
    }

    @Test(arguments: Kind.allCases)
    func lifecycleRetriesAndRequeues(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            let trials = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            try store.markRunning(key: trials[0].key, pid: 10, at: Date())
            try store.requeue(key: trials[0].key, error: "crash")
            try store.markRunning(key: trials[0].key, pid: 11, at: Date())
            #expect(try store.attempts(key: trials[0].key) == 2)
            try store.recordEpoch(
                key: trials[0].key,
                report: EpochReport(
                    epoch: 1, loss: 0.5, metrics: StoreFixtures.metrics(apSmall: 0.1), seconds: 1))
            let outcome = StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.2))
            try store.finish(key: trials[0].key, outcome: outcome)
            try store.finish(key: trials[0].key, outcome: outcome)
            try store.markRunning(key: trials[1].key, pid: 12, at: Date())
            #expect(try store.requeueUnfinished(sweepID: id) == [12])
            #expect(try store.queuedTrials(sweepID: id).map(\.index) == [1, 2])
            #expect(throws: StoreError.self) {
                try store.markRunning(key: "missing", pid: 1, at: Date())
            }
        }
    }

    /// What agents' early stopping reads: every trial's report for one epoch of one sweep.
    @Test(arguments: Kind.allCases)
    func epochReportsHoldEveryTrialsReportForTheEpoch(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            let other = try store.openSweep(name: "other", specText: "")
            let trials = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            let stranger = StoreFixtures.trial(0, lr: 0.5)
            try store.plan(sweepID: other, trials: [stranger])
            func report(_ epoch: Int, _ apSmall: Double) -> EpochReport {
                EpochReport(
                    epoch: epoch, loss: 0.5, metrics: StoreFixtures.metrics(apSmall: apSmall),
                    seconds: 2)
            }
            for (trial, epochs) in [(trials[0], [1, 2]), (trials[1], [1])] {
                try store.markRunning(key: trial.key, pid: 1, at: Date())
                for epoch in epochs {
                    try store.recordEpoch(
                        key: trial.key, report: report(epoch, 0.1 * Double(epoch + trial.index)))
                }
            }
            try store.markRunning(key: stranger.key, pid: 2, at: Date())
            try store.recordEpoch(key: stranger.key, report: report(1, 0.9))
            let first = try store.epochReports(sweepID: id, epoch: 1)
            #expect(first == [trials[0].key: report(1, 0.1), trials[1].key: report(1, 0.2)])
            #expect(
                try store.epochReports(sweepID: id, epoch: 2) == [trials[0].key: report(2, 0.2)])
            #expect(try store.epochReports(sweepID: id, epoch: 3).isEmpty)
        }
    }

    /// A command trainer's own metrics (``DetectionMetrics/reported``) come back from the epoch
    /// and final rows, also when it reported no COCO metric at all; the SQLite and PostgreSQL
    /// readers give them to the ranking.
    @Test(arguments: Kind.allCases)
    func reportedMetricsRoundTrip(kind: Kind) throws {
        try withStore(kind) { store in
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0)
            try store.plan(sweepID: id, trials: [trial])
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            var metrics = DetectionMetrics { _ in .nan }
            metrics.reported = ["val_loss": 0.25, "val_acc": -1.5, "grad_norm": .infinity]
            let report = EpochReport(epoch: 1, loss: 0.5, metrics: metrics, seconds: 2)
            try store.recordEpoch(key: trial.key, report: report)
            let epoch = try #require(try store.epochReports(sweepID: id, epoch: 1)[trial.key])
            #expect(epoch.metrics.reported == metrics.reported)
            metrics.reported["val_loss"] = 0.125
            try store.finish(key: trial.key, outcome: StoreFixtures.completed(metrics))
            if let reader = store as? any TrialReader {
                let record = try #require(try reader.trials(sweep: "s").first)
                #expect(record.metrics?.reported == metrics.reported)
                #expect(record.metricsSource == .final)
                let ranked = try reader.ranking(
                    sweep: "s", objective: Objective(name: "val_loss", goal: .minimize))
                #expect(ranked.map(\.trial.index) == [0])
            }
        }
    }
}
