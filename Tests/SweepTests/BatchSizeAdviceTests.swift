import Foundation
import Testing

@testable import Sweep

@Suite struct BatchSizeAdviceTests {
    /// Three lrs per batch size; the best is `0.001 · (batch/8)^k`, and the best objective falls
    /// by `drop` per doubling.
    private func points(k: Double, drop: Double, sizes: [Int] = [8, 16, 32, 64]) -> [ObjectivePoint]
    {
        var points: [ObjectivePoint] = []
        for (step, size) in sizes.enumerated() {
            let best = 0.001 * pow(Double(size) / 8, k)
            let top = 0.4 - drop * Double(step)
            for (factor, penalty) in [(0.5, 0.1), (1.0, 0.0), (2.0, 0.05)] {
                points.append(
                    ReportFixtures.point(
                        points.count, lr: best * factor, batchSize: size,
                        loss: size >= 32 ? .ce : .focal, objective: top - penalty))
            }
        }
        return points
    }

    @Test func recoversLinearScalingAndTheDropPerDoubling() throws {
        let advice = BatchSizeAdvice(points: points(k: 1, drop: 0.02), objective: "ap_small")
        #expect(advice.rows.map(\.batchSize) == [8, 16, 32, 64])
        #expect(advice.rows.map(\.bestLoss) == ["focal", "focal", "ce", "ce"])
        let lr = try #require(advice.lrScaling)
        #expect(abs(lr.slope - 1) < 1e-9)
        let trend = try #require(advice.objectivePerDoubling)
        #expect(abs(trend.slope + 0.02) < 1e-9)
        #expect(advice.statements.contains { $0.contains("linear scaling rule") })
        #expect(advice.statements.contains { $0.contains("falls with batch size") })
    }

    @Test func squareRootScalingIsNotCalledLinear() throws {
        var noisy = points(k: 0.5, drop: 0)
        noisy[1].parameters.lr *= 1.05
        let advice = BatchSizeAdvice(points: noisy, objective: "ap_small")
        let lr = try #require(advice.lrScaling)
        #expect(abs(lr.slope - 0.5) < 0.05)
        #expect(try #require(lr.upper) < 1)
        #expect(advice.statements.contains { $0.contains("square-root scaling") })
    }

    @Test func saysPlainlyWhenThereAreTooFewTrials() {
        let thin = BatchSizeAdvice(
            points: Array(points(k: 1, drop: 0).prefix(4)), objective: "ap_small")
        #expect(thin.lrScaling == nil)
        #expect(thin.statements.contains { $0.contains("too few trials per batch size") })
        let single = BatchSizeAdvice(
            points: points(k: 1, drop: 0, sizes: [16]), objective: "ap_small")
        #expect(single.statements.first?.hasPrefix("only 1 batch size has ranked trials") == true)
        let none = BatchSizeAdvice(points: [], objective: "ap_small")
        #expect(none.statements.first?.hasPrefix("no batch size has ranked trials") == true)
    }

    @Test func theIntervalUsesStudentsT() {
        #expect(BatchSizeAdvice.studentT975(degreesOfFreedom: 1) == 12.706)
        #expect(BatchSizeAdvice.studentT975(degreesOfFreedom: 200) == 1.960)
    }
}
