import Foundation
import Testing

@testable import Sweep

@Suite struct MemoryTrialStoreTests {
    @Test func snapshotShowsTheFinalOutcomeAndEpochs() throws {
        let store = MemoryTrialStore()
        let id = try store.openSweep(name: "s", specText: "")
        let trial = StoreFixtures.trial(0)
        try store.plan(sweepID: id, trials: [trial])
        try store.markRunning(key: trial.key, pid: 1, at: Date())
        try store.finish(
            key: trial.key, outcome: TrialOutcome(state: .failed, error: "worker exited, code 2"))
        let snapshot = try #require(store.snapshot(key: trial.key))
        #expect(snapshot.state == .failed)
        #expect(snapshot.error == "worker exited, code 2")
        #expect(snapshot.epochs.isEmpty)
        #expect(store.snapshot(key: "missing") == nil)
    }
}
