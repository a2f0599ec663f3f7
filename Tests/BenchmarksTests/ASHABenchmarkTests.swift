import Testing

@testable import Benchmarks
@testable import Sweep

@Suite struct ASHABenchmarkTests {
    static func run(_ curves: [LearningCurve], workers: Int = 1, minEpochs: Int = 1) throws
        -> ASHABenchmark
    {
        try ASHABenchmark.run(
            sweep: "s", curves: curves, workers: workers, minEpochs: minEpochs,
            reductionFactor: 3)
    }

    @Test func bestTrialsFirstInPlanOrderPassBothTargets() throws {
        let finals = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
        let benchmark = try Self.run(CurveFixtures.rising(to: finals))
        #expect(benchmark.fullBest.index == 0)
        #expect(benchmark.ashaBest?.index == 0)
        #expect(benchmark.gap == 0)
        #expect(benchmark.fullTrialEpochs == 81)
        #expect(benchmark.ashaTrialEpochs == 25)
        #expect(benchmark.passes)
        let parameters = "lr=0.01,weight_decay=0.0005,batch_size=16,loss=focal"
        #expect(
            benchmark.report == """
                sweep 's': 9 trials of 9 epochs; ASHA reduction_factor=3, min_epochs=1, rungs at \
                epochs 1, 3; 1 worker, one time unit per epoch
                full grid best ap_small: 0.9000 (trial 0: \(parameters))
                ASHA best ap_small:      0.9000 (trial 0: \(parameters))
                gap: 0.0000 (target <= 0.01): pass
                trial-epochs: full grid 81, ASHA 25 = 30.9% (target <= 40%): pass
                ASHA trials: 2 fully trained, 7 pruned (epoch 1: 7, epoch 3: 0), 0 ended early \
                (diverged or failed)
                result: pass

                """)
    }

    @Test func spendingMoreThanFortyPercentFails() throws {
        let finals = [0.5, 0.2, 0.4, 0.1, 0.6, 0.3, 0.3, 0.05, 0.7]
        let benchmark = try Self.run(CurveFixtures.rising(to: finals))
        #expect(benchmark.ashaBest?.index == 8)
        #expect(benchmark.meetsGapTarget)
        #expect(benchmark.ashaTrialEpochs == 41)
        #expect(!benchmark.meetsFractionTarget)
        #expect(!benchmark.passes)
        #expect(benchmark.report.contains("ASHA 41 = 50.6% (target <= 40%): FAIL"))
    }

    @Test func aPrunedLateBloomerFailsTheGap() throws {
        let curves = [
            CurveFixtures.curve(0, [0.5, 0.5, 0.5]),
            CurveFixtures.curve(1, [0.4, 0.4, 0.4]),
            CurveFixtures.curve(2, [0.1, 0.5, 0.9]),
        ]
        let benchmark = try Self.run(curves)
        #expect(benchmark.fullBest.index == 2)
        #expect(benchmark.ashaBest?.index == 0)
        #expect(abs((benchmark.gap ?? 0) - 0.4) < 1e-12)
        #expect(!benchmark.meetsGapTarget)
        #expect(benchmark.report.contains("gap: 0.4000 (target <= 0.01): FAIL"))
        #expect(benchmark.report.hasSuffix("result: FAIL\n"))
    }

    @Test func undefinedAndDivergedTrialsNeverWin() throws {
        let curves = [
            CurveFixtures.curve(0, [-1, -1, -1]),
            CurveFixtures.curve(1, [0.3, 0.9], plannedEpochs: 3, state: .diverged),
            CurveFixtures.curve(2, [0.1, 0.1, 0.2]),
        ]
        let benchmark = try Self.run(curves)
        #expect(benchmark.fullBest.index == 2)
        #expect(benchmark.fullTrialEpochs == 8)
        #expect(benchmark.report.contains("1 ended early"))
    }

    @Test func gridsThatCannotServeAreRejected() {
        let done = CurveFixtures.curve(0, [0.1, 0.2, 0.3])
        #expect(throws: ASHABenchmarkError.noTrials(sweep: "s")) { try Self.run([]) }
        #expect(throws: ASHABenchmarkError.unfinished(sweep: "s", count: 1)) {
            try Self.run([done, CurveFixtures.curve(1, [0.1], plannedEpochs: 3, state: .queued)])
        }
        #expect(throws: ASHABenchmarkError.earlyStopped(sweep: "s", pruned: 1)) {
            try Self.run([done, CurveFixtures.curve(1, [0.1], plannedEpochs: 3, state: .pruned)])
        }
        #expect(throws: ASHABenchmarkError.noCompletedTrial(sweep: "s")) {
            try Self.run([CurveFixtures.curve(0, [0.1], plannedEpochs: 3, state: .diverged)])
        }
        #expect(throws: ASHABenchmarkError.noRung(minEpochs: 3, epochs: 3)) {
            try Self.run([done], minEpochs: 3)
        }
    }
}
