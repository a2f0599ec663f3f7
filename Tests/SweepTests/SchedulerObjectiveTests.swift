import Foundation
import Synchronization
import Testing
import Trainer

@testable import Sweep

/// The scheduler feeds early stopping and the progress line the sweep's objective, not
/// `ap_small`.
@Suite struct SchedulerObjectiveTests {
    /// Logs every value it is given (shared, since the scheduler keeps its own copy) and prunes
    /// every trial reporting a value below `cut` at epoch 1.
    struct RecordingRule: EarlyStopRule {
        final class Log: Sendable {
            private let values = Mutex<[Double]>([])
            func append(_ value: Double) { values.withLock { $0.append(value) } }
            var all: [Double] { values.withLock { $0 } }
        }

        let cut: Double
        let log = Log()

        mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
            log.append(value)
            return epoch == 1 && value < cut ? .prune(reason: "below \(cut)") : .continue
        }
    }

    /// Runs a two-trial sweep (lr 0.1, 0.2) with one job; `stall` keeps the lr 0.1 worker
    /// waiting after its first epoch until it is stopped, so a prune decided there always lands.
    private func run(
        objective: Objective, rule: RecordingRule, stall: Bool
    ) async throws -> [TrialState] {
        try await TemporaryFolder.withAsync { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            var spec = SchedulerFixtures.spec(lrs: [0.1, 0.2], epochs: 2)
            spec.objective = objective
            let progress = Mutex<SweepProgress?>(nil)
            let scheduler = Scheduler(
                spec: spec, store: store,
                launcher: SchedulerFixtures.worker(
                    "ok", stall ? ["FAKE_STALL_LR": "0.1", "FAKE_STALL_EPOCH": "1"] : [:]),
                options: SchedulerFixtures.options(spec, jobs: 1), earlyStop: rule,
                onEvent: { _, latest in progress.withLock { $0 = latest } })
            _ = try await scheduler.run()
            let last = try #require(progress.withLock { $0 })
            #expect(last.objective == objective)
            #expect(ProgressLine.live(last).contains("best \(objective.name) "))
            return try store.trials(sweep: spec.name).map(\.state)
        }
    }

    @Test func earlyStoppingDecidesOnTheObjective() async throws {
        // The fake worker reports ap_small = lr·epoch/epochs (0.05 and 0.1 at epoch 1) and a
        // constant ap_tiny of 0.07: a cut at 0.06 prunes the first trial by ap_small, none by
        // ap_tiny.
        let byAPSmall = RecordingRule(cut: 0.06)
        let prunedRun = try await run(objective: Objective(.apSmall), rule: byAPSmall, stall: true)
        #expect(prunedRun == [.pruned, .completed])
        #expect(byAPSmall.log.all == [0.05, 0.1, 0.2])

        let byAPTiny = RecordingRule(cut: 0.06)
        let fullRun = try await run(objective: Objective(.apTiny), rule: byAPTiny, stall: false)
        #expect(fullRun == [.completed, .completed])
        #expect(byAPTiny.log.all == [0.07, 0.07, 0.07, 0.07])
    }

    @Test func specRuleNamesTheObjectiveInItsReasons() {
        var spec = SchedulerFixtures.spec(epochs: 9)
        spec.earlyStop = EarlyStopSpec(kind: .asha, minEpochs: 1, reductionFactor: 2)
        spec.objective = Objective(.ap50Small)
        var rule = spec.makeEarlyStopRule()
        _ = rule?.report(trial: "a", epoch: 1, value: 0.5)
        let decision = rule?.report(trial: "b", epoch: 1, value: 0.1)
        guard case .prune(let reason)? = decision else {
            Issue.record("expected a prune, got \(String(describing: decision))")
            return
        }
        #expect(reason.contains("ap50_small 0.1"))
    }
}
