import Foundation
import Testing
import Trainer

@testable import Sweep

/// ``TrialStore/trialRecords(sweepID:)`` — the history a model-based sampler reads — alike on the
/// SQLite store and the in-memory one.
@Suite struct TrialRecordsContractTests {
    @Test(arguments: TrialStoreContractTests.Kind.allCases)
    func recordsComeInPlanOrderWithFinalOrLastEpochMetrics(
        kind: TrialStoreContractTests.Kind
    ) throws {
        let body = { (store: any TrialStore) throws in
            let id = try store.openSweep(name: "s", specText: "")
            let other = try store.openSweep(name: "other", specText: "")
            let trials = [2, 0, 1, 3].map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try store.plan(sweepID: id, trials: trials)
            try store.plan(sweepID: other, trials: [StoreFixtures.trial(0, sweep: "other")])
            let (completed, pruned, running) = (trials[1], trials[2], trials[0])
            try store.markRunning(key: completed.key, pid: 1, at: Date())
            try store.finish(
                key: completed.key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.4)))
            try store.markRunning(key: pruned.key, pid: 2, at: Date())
            for epoch in 1...2 {
                try store.recordEpoch(
                    key: pruned.key,
                    report: EpochReport(
                        epoch: epoch, loss: 1,
                        metrics: StoreFixtures.metrics(apSmall: 0.1 * Double(epoch)), seconds: 1))
            }
            try store.finish(
                key: pruned.key, outcome: TrialOutcome(state: .pruned, epochsReached: 2))
            try store.markRunning(key: running.key, pid: 3, at: Date())

            let records = try store.trialRecords(sweepID: id)
            #expect(records.map(\.index) == [0, 1, 2, 3])
            #expect(records.map(\.state) == [.completed, .pruned, .running, .queued])
            #expect(records[0].metrics?.apSmall == 0.4)
            #expect(records[0].metricsSource == .final)
            #expect(records[1].metrics?.apSmall == 0.2)
            #expect(records[1].metricsSource == .epoch(2))
            #expect(records[1].epochsReached == 2)
            #expect(records[2].metrics == nil)
            #expect(records[3].attempts == 0)
        }
        switch kind {
        case .sqlite:
            try TemporaryFolder.with { folder in
                try body(try SQLiteTrialStore(path: folder.path("sweeps.sqlite")))
            }
        case .memory:
            try body(MemoryTrialStore())
        }
    }
}
