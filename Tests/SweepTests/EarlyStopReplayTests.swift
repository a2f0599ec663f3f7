import Testing

@testable import Sweep

@Suite struct EarlyStopReplayTests {
    /// Records every report; prunes the (trial, epoch) pairs it is told to.
    struct RecordingRule: EarlyStopRule {
        var pruneAt: Set<String> = []
        var reports: [String] = []

        mutating func report(trial: String, epoch: Int, value: Double) -> EarlyStopDecision {
            reports.append("\(trial)@\(epoch)")
            return pruneAt.contains("\(trial)@\(epoch)") ? .prune(reason: "told to") : .continue
        }
    }

    @Test func epochsArriveAsAsynchronousWorkersFinishThem() {
        let curves = [
            CurveFixtures.curve(0, [0.1, 0.2, 0.3]),
            CurveFixtures.curve(1, [0.1], plannedEpochs: 3, state: .diverged),
            CurveFixtures.curve(2, [0.1, 0.2]),
        ]
        var rule = RecordingRule()
        let replay = EarlyStopReplay.run(curves: curves, workers: 2, rule: &rule)
        #expect(rule.reports == ["t0@1", "t1@1", "t0@2", "t2@1", "t0@3", "t2@2"])
        #expect(replay.trials.map(\.epochsRun) == [3, 1, 2])
        #expect(replay.trials.map(\.isFullyTrained) == [true, false, true])
        #expect(replay.trialEpochs == 6)
    }

    @Test func aPrunedTrialFreesItsWorker() {
        let curves = (0..<3).map { CurveFixtures.curve($0, [0.1, 0.2, 0.3]) }
        var rule = RecordingRule(pruneAt: ["t1@1"])
        let replay = EarlyStopReplay.run(curves: curves, workers: 2, rule: &rule)
        #expect(rule.reports == ["t0@1", "t1@1", "t0@2", "t2@1", "t0@3", "t2@2", "t2@3"])
        #expect(replay.trials.map(\.epochsRun) == [3, 1, 3])
        #expect(replay.trials.map(\.pruneReason) == [nil, "told to", nil])
        #expect(replay.trials.map(\.isFullyTrained) == [true, false, true])
        #expect(replay.trialEpochs == 7)
    }

    @Test func aTrialWithoutEpochsTakesNoWorkerTime() {
        let curves = [
            CurveFixtures.curve(0, [], plannedEpochs: 2, state: .failed),
            CurveFixtures.curve(1, [0.1, 0.2]),
        ]
        var rule = RecordingRule()
        let replay = EarlyStopReplay.run(curves: curves, workers: 1, rule: &rule)
        #expect(rule.reports == ["t1@1", "t1@2"])
        #expect(replay.trialEpochs == 2)
    }

    @Test func recordedTimingOrdersEpochsByTheirFinishTimes() {
        var curves = [
            CurveFixtures.curve(0, [0.1, 0.2]),
            CurveFixtures.curve(1, [0.1, 0.2]),
            CurveFixtures.curve(2, [0.1]),
        ]
        curves[0].seconds = [3, 3]
        curves[1].seconds = [1, 1]
        curves[2].seconds = [1]
        var unit = RecordingRule()
        _ = EarlyStopReplay.run(curves: curves, workers: 2, rule: &unit)
        #expect(unit.reports == ["t0@1", "t1@1", "t0@2", "t1@2", "t2@1"])
        var recorded = RecordingRule()
        let replay = EarlyStopReplay.run(
            curves: curves, workers: 2, timing: .recorded, rule: &recorded)
        // t1 ends at 2 s; t2 starts then and ends at 3 s, with t0's first epoch (started first).
        #expect(recorded.reports == ["t1@1", "t1@2", "t0@1", "t2@1", "t0@2"])
        #expect(replay.trialEpochs == 5)
    }

    @Test(arguments: [1, 3, 9])
    func ashaKeepsTheTopThirdOfNineTrials(workers: Int) {
        let curves = CurveFixtures.rising(to: [0.5, 0.2, 0.4, 0.1, 0.6, 0.3, 0.3, 0.05, 0.7])
        var rule = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 9)
        let replay = EarlyStopReplay.run(curves: curves, workers: workers, rule: &rule)
        // Epoch 1 (rung 1) arrives in plan order with any worker count here: t2, t3 fall below
        // the cut 0.5/9 of 3-5 values, t5-t7 below 0.5/9 as the second best of 6-8.
        #expect(replay.trials.map(\.epochsRun) == [9, 9, 1, 1, 9, 1, 1, 1, 9])
        #expect(replay.trialEpochs == 41)
    }
}
