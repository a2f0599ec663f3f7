import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct SQLiteTrialStoreReportTests {
    @Test func readsTheSpecTextAndTheEpochsOfTheGivenTrials() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("db.sqlite"))
            let id = try store.openSweep(name: "s", specText: "name: s\n")
            let trials = [StoreFixtures.trial(0, lr: 0.01), StoreFixtures.trial(1, lr: 0.02)]
            try store.plan(sweepID: id, trials: trials)
            for trial in trials {
                try store.markRunning(key: trial.key, pid: 1, at: Date())
            }
            for epoch in 1...2 {
                try store.recordEpoch(
                    key: trials[0].key,
                    report: EpochReport(
                        epoch: epoch, loss: 1, metrics: ReportFixtures.metrics(apSmall: 0.1),
                        seconds: 1))
            }
            #expect(try store.sweepSource(sweep: "s").text == "name: s\n")
            let epochs = try store.epochReports(keys: trials.map(\.key))
            #expect(epochs[trials[0].key]?.map(\.epoch) == [1, 2])
            #expect(epochs[trials[1].key] == nil)
            #expect(try store.epochReports(keys: []).isEmpty)
            #expect(try store.epochReports(keys: ["missing"]).isEmpty)
        }
    }
}
