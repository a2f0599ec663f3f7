import Testing

@testable import Sweep

@Suite struct ASHARuleTests {
    @Test func rungsAreMinEpochsTimesPowersOfEtaBelowMaxEpochs() {
        #expect(ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 27).rungs == [1, 3, 9])
        #expect(ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 28).rungs == [1, 3, 9, 27])
        #expect(ASHARule(minEpochs: 2, reductionFactor: 2, maxEpochs: 10).rungs == [2, 4, 8])
        #expect(ASHARule(minEpochs: 3, reductionFactor: 3, maxEpochs: 3).rungs.isEmpty)
    }

    @Test func nineTrialsKeepTheTopThirdAtEachRung() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 27)
        let decisions = runScript(
            &rule,
            [
                ("t0", 1, 0.5, true),  // 1 value: fewer than η
                ("t1", 1, 0.2, true),  // 2 values: fewer than η
                ("t2", 1, 0.4, false),  // 3 values, keep 1: cut 0.5
                ("t3", 1, 0.1, false),
                ("t4", 1, 0.6, true),  // the new best is the cut itself
                ("t5", 1, 0.3, false),  // 6 values, keep 2: cut 0.5
                ("t6", 1, 0.3, false),
                ("t0", 2, 0.0, true),  // between rungs: decides nothing
                ("t7", 1, 0.05, false),
                ("t8", 1, 0.7, true),  // 9 values, keep 3: cut 0.5
                ("t0", 3, 0.55, true),
                ("t4", 3, 0.75, true),
                ("t8", 3, 0.65, false),  // rung 2: 3 values, keep 1: cut 0.75
            ])
        #expect(
            decisions[2]
                == .prune(
                    reason: "ASHA rung 1 (epoch 1): ap_small 0.4000 below the top 1/3 cut 0.5000 "
                        + "of 3 trials"))
        #expect(
            decisions[12]
                == .prune(
                    reason: "ASHA rung 2 (epoch 3): ap_small 0.6500 below the top 1/3 cut 0.7500 "
                        + "of 3 trials"))
    }

    @Test func tiesWithTheCutContinue() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        runScript(
            &rule,
            [
                ("a", 1, 0.3, true),
                ("b", 1, 0.3, true),  // keep 1 of 2, cut 0.3: tied
                ("c", 1, 0.3, true),
                ("d", 1, 0.3, true),  // keep 2 of 4, cut 0.3: tied
                ("e", 1, 0.2, false),
            ])
    }

    @Test func undefinedValuesAreTheWorst() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        let decisions = runScript(
            &rule,
            [
                ("a", 1, -1, true),
                ("b", 1, -1, true),  // all undefined: tied with the cut
                ("c", 1, 0.0, true),  // 0 beats undefined
                ("d", 1, 0.1, true),
                ("e", 1, -1, false),  // keep 2 of 5: cut 0.0
            ])
        #expect(
            decisions[4]
                == .prune(
                    reason: "ASHA rung 1 (epoch 1): ap_small undefined (-1) below the top 1/2 cut "
                        + "0.0000 of 5 trials"))
        var nanRule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        runScript(&nanRule, [("x", 1, 0.1, true), ("y", 1, .nan, false)])
    }

    @Test func tinyValuesPrintWithSignificantDigits() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        let decisions = runScript(&rule, [("a", 1, 0.000034, true), ("b", 1, 0.000012, false)])
        #expect(
            decisions[1]
                == .prune(
                    reason: "ASHA rung 1 (epoch 1): ap_small 1.20e-05 below the top 1/2 cut "
                        + "3.40e-05 of 2 trials"))
    }

    @Test func theLastEpochDecidesNothing() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 3)
        #expect(rule.rungs == [1])
        runScript(
            &rule,
            [
                ("a", 3, 0.9, true), ("b", 3, 0.8, true), ("c", 3, 0.1, true),
                ("d", 3, 0.0, true),
            ])
    }

    @Test func eachRungUsesTheValueAtThatEpochWhateverTheArrivalOrder() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 9)
        runScript(
            &rule,
            [
                ("fast", 1, 0.1, true),
                ("fast", 2, 0.9, true),
                ("fast", 3, 0.9, true),  // alone at rung 2
                ("slow1", 1, 0.2, true),
                ("slow2", 1, 0.3, true),  // cut is the best at epoch 1 (0.3), not fast's 0.9
                ("slow3", 1, 0.15, false),
                ("slow1", 3, 0.5, true),
                ("slow2", 3, 0.4, false),  // rung 2: keep 1 of 3, cut fast's 0.9
            ])
    }

    /// A restarted run rebuilds the rule from the stored epochs (trial by trial, not in arrival
    /// order); the trials after the restart get the decisions they would have got without it.
    @Test func replayingTheHistoryGivesTheSameDecisions() throws {
        let beforeRestart: [ScriptedStep] = [
            ("a", 1, 0.4, true), ("b", 1, 0.1, true), ("a", 2, 0.5, true), ("c", 1, 0.3, false),
            ("a", 3, 0.6, true), ("d", 1, 0.45, true), ("b", 2, 0.2, true), ("e", 1, -1, false),
            ("d", 3, 0.5, true), ("b", 3, 0.3, false),
        ]
        let afterRestart: [ScriptedStep] = [
            ("f", 1, 0.2, false),  // rung 1 keeps 2 of 6: cut 0.4 (a), stored before
            ("g", 1, 0.5, true),
            ("g", 3, 0.55, false),  // rung 3 keeps 1 of 4: cut 0.6 (a), stored before
        ]
        let plan = StoredHistory(planning: beforeRestart + afterRestart)
        var live = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 9)
        let liveDecisions = runScript(&live, plan.keyed(beforeRestart + afterRestart))
        try TemporaryFolder.with { folder in
            let history = try plan.storeAndLoad(beforeRestart, in: folder)
            #expect(history.epochs.count == beforeRestart.count)
            var rebuilt = ASHARule(minEpochs: 1, reductionFactor: 3, maxEpochs: 9)
            StoredHistory.replay(history, into: &rebuilt)
            let decisions = runScript(&rebuilt, plan.keyed(afterRestart))
            #expect(decisions == Array(liveDecisions.suffix(afterRestart.count)))
        }
    }

    @Test func aRepeatedReportGetsItsFirstDecision() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        runScript(
            &rule,
            [
                ("a", 1, 0.1, true),  // alone: continues
                ("b", 1, 0.5, true),
                ("c", 1, 0.6, true),
                ("a", 1, 0.1, true),  // a retried attempt: the first decision again
                ("b", 1, 0.0, true),  // the first value (0.5) stays recorded
                ("d", 1, 0.4, false),  // keep 2 of 4 (0.6, 0.5): cut 0.5
            ])
    }

    /// With a minimised objective the lowest values go on, and reasons print the values as
    /// reported; a missing value (NaN) is the worst.
    @Test func aMinimisedObjectiveKeepsTheLowestValues() {
        var rule = ASHARule(minEpochs: 1, reductionFactor: 2, maxEpochs: 4)
        rule.objective = Objective(name: "val_loss", goal: .minimize)
        #expect(rule.report(trial: "a", epoch: 1, value: 0.5) == .continue)
        #expect(rule.report(trial: "b", epoch: 1, value: 0.2) == .continue)
        #expect(
            rule.report(trial: "c", epoch: 1, value: 0.9)
                == .prune(
                    reason: "ASHA rung 1 (epoch 1): val_loss 0.9000 above the top 1/2 cut "
                        + "0.2000 of 3 trials"))
        guard case .prune(let reason) = rule.report(trial: "d", epoch: 1, value: .nan) else {
            Issue.record("a trial without the value goes on")
            return
        }
        #expect(reason.contains("val_loss undefined above"), "\(reason)")
    }
}
