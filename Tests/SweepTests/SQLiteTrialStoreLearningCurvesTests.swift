import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct SQLiteTrialStoreLearningCurvesTests {
    @Test func curvesHoldEachTrialsApSmallPerEpochInPlanOrder() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweep.db"))
            let id = try store.openSweep(name: "grid", specText: "")
            let trials = [
                StoreFixtures.trial(0, lr: 0.1, epochs: 2, sweep: "grid"),
                StoreFixtures.trial(1, lr: 0.01, epochs: 2, sweep: "grid"),
            ]
            try store.plan(sweepID: id, trials: trials)
            try store.markRunning(key: trials[1].key, pid: 1, at: Date())
            for (epoch, apSmall) in [(1, 0.25), (2, -1.0)] {
                try store.recordEpoch(
                    key: trials[1].key,
                    report: EpochReport(
                        epoch: epoch, loss: 1, metrics: StoreFixtures.metrics(apSmall: apSmall),
                        seconds: 1))
            }
            try store.finish(
                key: trials[1].key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: -1), epochs: 2))
            let curves = try store.learningCurves(sweep: "grid")
            #expect(curves.map(\.index) == [0, 1])
            #expect(curves.map(\.key) == trials.map(\.key))
            #expect(curves.map(\.state) == [.queued, .completed])
            #expect(curves.map(\.values) == [[], [0.25, -1]])
            #expect(curves.map(\.plannedEpochs) == [2, 2])
            #expect(curves.map(\.seconds) == [[], [1, 1]])
            #expect(curves[1].parameters.lr == 0.01)
            #expect(curves[1].isFullyTrained)
        }
    }
}
