import Testing

@testable import Sweep

@Suite struct MedianStoppingRuleTests {
    @Test func nobodyStopsUntilThreeOtherTrialsReportedTheEpoch() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        let decisions = runScript(
            &rule,
            [
                ("a", 2, 0.5, true),
                ("b", 2, 0.6, true),  // 1 other
                ("c", 2, 0.0, true),  // 2 others
                ("d", 2, 0.1, false),  // 3 others: median 0.5
            ])
        #expect(
            decisions[3]
                == .prune(
                    reason: "median rule at epoch 2: best ap_small so far 0.1000 below the "
                        + "median 0.5000 of 3 other trials at that epoch"))
    }

    @Test func noTrialStopsBeforeMinEpochsOrAtTheLastEpoch() {
        var rule = MedianStoppingRule(minEpochs: 3, maxEpochs: 4)
        runScript(
            &rule,
            [
                ("a", 2, 0.5, true), ("b", 2, 0.6, true), ("c", 2, 0.7, true),
                ("d", 2, 0.0, true),  // epoch 2 < min_epochs
                ("a", 4, 0.5, true), ("b", 4, 0.6, true), ("c", 4, 0.7, true),
                ("d", 4, 0.0, true),  // epoch 4 is the last
                ("a", 3, 0.5, true), ("b", 3, 0.6, true), ("c", 3, 0.7, true),
                ("d", 3, 0.0, false),
            ])
    }

    @Test func theTrialsBestSoFarCountsNotItsLatestValue() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        runScript(
            &rule,
            [
                ("a", 2, 0.5, true), ("b", 2, 0.6, true), ("c", 2, 0.7, true),
                ("d", 1, 0.9, true),  // 0 others at epoch 1
                ("d", 2, 0.1, true),  // best so far 0.9 >= median 0.6
                ("e", 2, 0.54, false),  // median of 0.1, 0.5, 0.6, 0.7 is 0.55
            ])
    }

    @Test func anEvenCountUsesTheMeanOfTheMiddleValuesAndTiesContinue() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        runScript(
            &rule,
            [
                ("a", 1, 0.2, true), ("b", 1, 0.4, true), ("c", 1, 0.6, true),
                ("d", 1, 0.8, true),
                ("e", 1, 0.5, true),  // median of 0.2 … 0.8 is 0.5: not strictly below
                ("f", 1, 0.45, false),  // median of 0.2, 0.4, 0.5, 0.6, 0.8 is 0.5
            ])
    }

    @Test func undefinedValuesAreTheWorst() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        let decisions = runScript(
            &rule,
            [
                ("a", 1, -1, true), ("b", 1, -1, true), ("c", 1, 0.3, true),
                ("d", 1, -1, true),  // median of -1, -1, 0.3 is -1: tied
                ("a", 2, 0.1, true), ("b", 2, 0.2, true), ("c", 2, 0.3, true),
                ("e", 2, .nan, false),
            ])
        #expect(
            decisions[7]
                == .prune(
                    reason: "median rule at epoch 2: best ap_small so far undefined (-1) below the "
                        + "median 0.2000 of 3 other trials at that epoch"))
    }

    @Test func otherTrialsCountAtTheSameEpochWhateverTheArrivalOrder() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        runScript(
            &rule,
            [
                ("fast", 1, 0.1, true), ("fast", 2, 0.2, true), ("fast", 3, 0.9, true),
                ("x", 1, 0.1, true), ("y", 1, 0.1, true),
                ("slow", 1, 0.15, true),  // others at epoch 1: 0.1 ×3, not fast's 0.9
                ("x", 3, 0.3, true), ("y", 3, 0.3, true),
                ("slow", 2, 0.16, true),  // 1 other at epoch 2
                ("slow", 3, 0.16, false),  // others at epoch 3: 0.9, 0.3, 0.3
            ])
    }

    /// A restarted run rebuilds the rule from the stored epochs (trial by trial, not in arrival
    /// order); the trials after the restart get the decisions they would have got without it.
    @Test func replayingTheHistoryGivesTheSameDecisions() throws {
        let beforeRestart: [ScriptedStep] = [
            ("a", 1, 0.4, true), ("b", 1, 0.1, true), ("c", 1, 0.3, true), ("d", 1, 0.05, false),
            ("a", 2, 0.5, true), ("b", 2, 0.2, true), ("c", 2, 0.25, true), ("e", 1, -1, false),
        ]
        let afterRestart: [ScriptedStep] = [
            ("f", 1, 0.35, true),  // median 0.1 of the 5 stored at epoch 1
            ("f", 2, 0.3, true),  // best 0.35; median 0.25 of the 3 stored at epoch 2
            ("g", 1, 0.21, true),  // median 0.2 of 6 at epoch 1
            ("g", 2, 0.22, false),  // median 0.275 of 0.5, 0.2, 0.25 (stored) and 0.3 (f)
        ]
        let plan = StoredHistory(planning: beforeRestart + afterRestart)
        var live = MedianStoppingRule(minEpochs: 1, maxEpochs: 3)
        let liveDecisions = runScript(&live, plan.keyed(beforeRestart + afterRestart))
        try TemporaryFolder.with { folder in
            let history = try plan.storeAndLoad(beforeRestart, in: folder)
            #expect(history.epochs.count == beforeRestart.count)
            var rebuilt = MedianStoppingRule(minEpochs: 1, maxEpochs: 3)
            StoredHistory.replay(history, into: &rebuilt)
            let decisions = runScript(&rebuilt, plan.keyed(afterRestart))
            #expect(decisions == Array(liveDecisions.suffix(afterRestart.count)))
        }
    }

    @Test func aRepeatedReportGetsItsFirstDecision() {
        var rule = MedianStoppingRule(minEpochs: 1, maxEpochs: 10)
        runScript(
            &rule,
            [
                ("a", 1, 0.1, true),  // no others yet
                ("b", 1, 0.5, true), ("c", 1, 0.6, true), ("d", 1, 0.7, true),
                ("a", 1, 0.1, true),  // a retried attempt: the first decision again
                ("b", 1, 0.0, true),  // the first value (0.5) stays recorded
                ("e", 1, 0.52, false),  // median of 0.1, 0.5, 0.6, 0.7 is 0.55
            ])
    }
}
