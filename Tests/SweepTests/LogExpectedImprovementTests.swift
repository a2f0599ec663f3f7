import Foundation
import Testing

@testable import Sweep

/// ``LogExpectedImprovement`` against closed-form values (computed with 50-digit arithmetic),
/// including the far tail where log of the naive EI is -∞.
@Suite struct LogExpectedImprovementTests {
    /// log(z·Φ(z) + φ(z)) to 20 digits.
    static let reference: [(z: Double, logEI: Double)] = [
        (0, -0.918_938_533_204_672_741_78), (1.5, 0.424_814_556_762_259_295_57),
        (-3, -7.869_686_059_603_028_517_1), (-10, -55.553_122_036_122_355_927),
        (-25, -319.861_463_581_495_954_33), (-30, -457.724_653_760_598_004_05),
        (-40, -808.298_568_356_619_960_24), (-100, -5_010.129_578_800_249_792_3),
    ]

    @Test(arguments: reference)
    func matchesTheClosedForm(_ point: (z: Double, logEI: Double)) {
        let got = LogExpectedImprovement.standard(point.z)
        #expect(abs(got - point.logEI) <= 1e-12 * max(1, abs(point.logEI)))
    }

    @Test func theTailIsFiniteWhereTheNaiveFormulaUnderflows() {
        let z = -40.0
        let naive = log(
            z * 0.5 * erfc(-z / 2.0.squareRoot()) + exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        )
        #expect(naive == -.infinity)
        #expect(LogExpectedImprovement.standard(z).isFinite)
        // Both sides of the switch to the series agree.
        let below = LogExpectedImprovement.standard(LogExpectedImprovement.tailThreshold.nextDown)
        let at = LogExpectedImprovement.standard(LogExpectedImprovement.tailThreshold)
        #expect(abs(below - at) < 1e-10)
    }

    @Test func scalesWithThePosteriorDeviation() {
        // mean 1, variance 4, threshold 0: log 2 + log EI(0.5).
        let value = LogExpectedImprovement.value(mean: 1, variance: 4, threshold: 0)
        #expect(abs(value - (log(2.0) + LogExpectedImprovement.standard(0.5))) < 1e-12)
        // No variance: still finite, and a point far below the best scores lower.
        let certain = LogExpectedImprovement.value(mean: -1, variance: 0, threshold: 0)
        #expect(certain.isFinite)
        #expect(certain < LogExpectedImprovement.value(mean: -0.5, variance: 0, threshold: 0))
    }
}
