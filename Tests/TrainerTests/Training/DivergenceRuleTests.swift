import Testing

@testable import Trainer

@Suite struct DivergenceRuleTests {
    /// The first epoch the rule flags for a first-batch loss and epoch mean losses, or nil.
    private func firstDivergence(
        factor: Double = 10, firstBatch: Double, epochs: [Double]
    ) -> (epoch: Int, reason: String)? {
        var rule = DivergenceRule(factor: factor)
        rule.recordFirstBatch(loss: firstBatch)
        for (index, loss) in epochs.enumerated() {
            if let reason = rule.check(epoch: index + 1, meanLoss: loss) {
                return (index + 1, reason)
            }
        }
        return nil
    }

    @Test(arguments: [
        // Falling losses.
        [3.1, 1.9, 1.4, 1.2, 1.1],
        // Warm-up lifts the first epochs a little above the first batch.
        [5.0, 7.5, 4.0, 2.0],
        // Noise around a plateau, and a bump below the factor.
        [1.0, 1.02, 0.99, 9.0, 1.0],
    ])
    func healthyRunsAreNotFlagged(epochs: [Double]) {
        #expect(firstDivergence(firstBatch: 4.0, epochs: epochs) == nil)
    }

    @Test func aFirstEpochFarAboveTheUntrainedLossIsFlagged() throws {
        let flagged = try #require(firstDivergence(firstBatch: 2.5, epochs: [7e16, 2e14, 9e13]))
        #expect(flagged.epoch == 1)
        #expect(
            flagged.reason
                == "epoch 1 mean loss 7e+16 exceeds diverge_factor 10.0 × the lowest loss so far, "
                + "2.5 (first batch)")
    }

    @Test func aLossClimbingFromItsLowestIsFlaggedAgainstThatEpoch() throws {
        let flagged = try #require(
            firstDivergence(firstBatch: 3, epochs: [2.0, 1.5, 14.0, 16.0, 1000]))
        #expect(flagged.epoch == 4)
        #expect(flagged.reason.hasSuffix("1.5 (epoch 2)"))
    }

    @Test func theFactorItselfIsNotADivergence() {
        #expect(firstDivergence(factor: 4, firstBatch: 1, epochs: [4, 4]) == nil)
        #expect(firstDivergence(factor: 4, firstBatch: 1, epochs: [4.000001])?.epoch == 1)
    }

    @Test func aLargerFactorToleratesMore() {
        let climbing = [2.0, 30, 300]
        #expect(firstDivergence(factor: 10, firstBatch: 2, epochs: climbing)?.epoch == 2)
        #expect(firstDivergence(factor: 100, firstBatch: 2, epochs: climbing)?.epoch == 3)
        #expect(firstDivergence(factor: 1000, firstBatch: 2, epochs: climbing) == nil)
    }
}
