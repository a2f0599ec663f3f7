import Benchmarks
import Foundation
import Sweep
import Testing
import Trainer

/// The search replay over a stored grid's learning curves, with and without ASHA, on a
/// generated 4 × 2 × 3 = 24-config grid of 4 epochs whose curves rise linearly to a final
/// ap_small that peaks at lr 0.01, batch_size 32, loss ce.
@Suite struct SearchEarlyStopBenchmarkTests {
    private static func curves(pruned: Bool = false) -> [LearningCurve] {
        var curves: [LearningCurve] = []
        for lr in [0.0001, 0.001, 0.01, 0.1] {
            for batch in [16, 32] {
                for loss in [LossKind.mse, .ce, .focal] {
                    var final = 0.5 - 0.1 * abs(log10(lr) + 2)
                    final -= batch == 32 ? 0 : 0.02
                    final -= loss == .ce ? 0 : (loss == .mse ? 0.05 : 0.03)
                    let index = curves.count
                    curves.append(
                        LearningCurve(
                            index: index, key: "t\(index)",
                            parameters: TrialParameters(
                                lr: lr, weightDecay: 0.0005, batchSize: batch, loss: loss),
                            plannedEpochs: 4, state: pruned && index == 3 ? .pruned : .completed,
                            values: (1...4).map { final * Double($0) / 4 }))
                }
            }
        }
        return curves
    }

    private func benchmark(jobs: Int, asha: Bool, gap: Double = 0) throws
        -> SearchEarlyStopBenchmark
    {
        try SearchEarlyStopBenchmark(
            curves: try SearchCurves(sweep: "grid", curves: Self.curves()), gap: gap, budget: 24,
            jobs: jobs, asha: asha ? (minEpochs: 1, reductionFactor: 2) : nil)
    }

    @Test func theGridGivesTheSpaceTheBestAndItsTrialEpochs() throws {
        let grid = try SearchCurves(sweep: "grid", curves: Self.curves())
        #expect(grid.curves.count == 24)
        #expect(grid.best == 0.5)
        #expect(grid.fullTrialEpochs == 96)
        #expect(grid.epochs == 4)
        #expect(grid.space[.lr] == .values([0.0001, 0.001, 0.01, 0.1].map { .number($0) }))
        #expect(grid.space[.weightDecay] == .values([.number(0.0005)]))
        #expect(grid.space[.loss] == .values(["mse", "ce", "focal"].map { .text($0) }))
    }

    @Test func aGridThatRanWithEarlyStoppingIsRefused() {
        #expect(throws: ASHABenchmarkError.earlyStopped(sweep: "grid", pruned: 1)) {
            try SearchCurves(sweep: "grid", curves: Self.curves(pruned: true))
        }
    }

    @Test(arguments: SearchStrategy.allCases)
    func withoutEarlyStoppingEveryTrialTrainsToItsEnd(strategy: SearchStrategy) throws {
        let runs = try benchmark(jobs: 1, asha: false).runs(strategy, seeds: 5)
        #expect(runs.count == 5)
        for run in runs {
            #expect((1...24).contains(run.trials))
            #expect(run.trialEpochs == 4 * run.trials)
        }
    }

    @Test(arguments: [1, 3])
    func ashaFindsTheBestForFewerTrialEpochs(jobs: Int) throws {
        // The best config is never pruned (it leads at every rung), so every run finds it.
        let full = try benchmark(jobs: jobs, asha: false).runs(.tpe, seeds: 10)
        let pruned = try benchmark(jobs: jobs, asha: true).runs(.tpe, seeds: 10)
        #expect(pruned.allSatisfy { $0.trials <= 24 })
        let fullEpochs = full.map(\.trialEpochs).reduce(0, +)
        let prunedEpochs = pruned.map(\.trialEpochs).reduce(0, +)
        #expect(prunedEpochs < fullEpochs)
        #expect(pruned.contains { $0.trialEpochs < 4 * $0.trials })
    }

    @Test func runsAreReproducible() throws {
        let benchmark = try benchmark(jobs: 2, asha: true, gap: 0.02)
        #expect(try benchmark.runs(.tpe, seeds: 4) == benchmark.runs(.tpe, seeds: 4))
    }

    @Test func theReportSharesTheGridsTrialEpochs() throws {
        let report = try SearchEarlyStopReport(
            benchmark: try benchmark(jobs: 1, asha: false), methods: [.random], seeds: 3)
        #expect(report.table.trialEpochs == 96)
        let random = try #require(report.methods["random"])
        #expect(random.trialEpochs.runs == random.trials.runs.map { $0 * 4 })
        #expect(random.share["median"] == random.trialEpochs.median / 96)
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8))
        let root = try #require(object as? [String: Any])
        let methods = try #require(root["methods"] as? [String: Any])
        let entry = try #require(methods["random"] as? [String: Any])
        #expect(Set(entry.keys) == ["trials", "trial_epochs", "share"])
        #expect((root["table"] as? [String: Any])?["trial_epochs"] as? Int == 96)
    }
}
