import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct FanovaImportanceTests {
    /// Trials on a 4×4×4×3 grid whose objective is `objective(parameters)`.
    private func ranking(_ objective: (TrialParameters) -> Double) -> [RankedTrial] {
        var records: [TrialRecord] = []
        for lr in [0.0001, 0.001, 0.01, 0.1] {
            for wd in [0.0001, 0.0003, 0.0006, 0.001] {
                for bs in [8, 16, 32, 64] {
                    for loss in [LossKind.mse, .ce, .focal] {
                        let parameters = TrialParameters(
                            lr: lr, weightDecay: wd, batchSize: bs, loss: loss)
                        records.append(
                            ReportFixtures.record(
                                records.count, lr: lr, weightDecay: wd, batchSize: bs, loss: loss,
                                apSmall: objective(parameters)))
                    }
                }
            }
        }
        return Ranking.rank(records)
    }

    @Test func aFunctionOfLROnlyGivesLRAtLeastNinetyPercent() throws {
        let entries = try #require(
            FanovaImportance.evaluate(ranking { log10($0.lr) + 5 }, objective: Objective(.apSmall)))
        #expect(entries.count == 4)
        #expect(entries.first?.parameter == "lr")
        #expect((entries.first?.importance ?? 0) >= 0.9)
        #expect(abs(entries.reduce(0) { $0 + $1.importance } - 1) < 1e-9)
    }

    @Test func aFunctionOfLossOnlyGivesLossAtLeastNinetyPercent() throws {
        let entries = try #require(
            FanovaImportance.evaluate(
                ranking { $0.loss == .focal ? 0.3 : 0.1 }, objective: Objective(.apSmall)))
        #expect(entries.first?.parameter == "loss")
        #expect((entries.first?.importance ?? 0) >= 0.9)
    }

    @Test func theStrongerParameterRanksFirst() throws {
        let entries = try #require(
            FanovaImportance.evaluate(
                ranking { 1 + 0.2 * log10($0.lr) + 0.02 * log2(Double($0.batchSize)) },
                objective: Objective(.apSmall)))
        #expect(entries.map(\.parameter).prefix(2) == ["lr", "batch_size"])
    }

    @Test func aConstantObjectiveOrASingleTrialGivesNoImportance() {
        #expect(
            FanovaImportance.evaluate(ranking { _ in 0.2 }, objective: Objective(.apSmall)) == nil)
        #expect(
            FanovaImportance.evaluate(
                Ranking.rank([ReportFixtures.record(0)]), objective: Objective(.apSmall)) == nil)
    }

    @Test func aParameterWithOneValueGetsZero() throws {
        let records = (0..<20).map { index in
            ReportFixtures.record(
                index, lr: 0.001 * Double(index + 1), apSmall: Double(index) / 20)
        }
        let entries = try #require(
            FanovaImportance.evaluate(Ranking.rank(records), objective: Objective(.apSmall)))
        #expect(entries.first { $0.parameter == "batch_size" }?.importance == 0)
        #expect(entries.first?.parameter == "lr")
    }
}
