import Foundation
import Testing

@testable import Trainer

@Suite struct SigmoidTests {
    @Test func expMatchesFoundationWithinAFewUlps() {
        var x: Float = -80
        while x < 80 {
            let expected = Foundation.exp(x)
            #expect(abs(Sigmoid.exp(x) - expected) <= 4e-7 * expected, "x = \(x)")
            x += 0.37
        }
    }

    @Test func eightLaneExpEqualsTheScalarOneBitForBit() {
        let x = SIMD8<Float>(-100, -20.5, -1.25, 0, 0.3, 7.75, 60, 200)
        let lanes = Sigmoid.exp(x)
        for i in 0..<8 { #expect(lanes[i] == Sigmoid.exp(x[i]), "lane \(i)") }
    }

    @Test func extremesStayFiniteAndNaNPropagates() {
        #expect(Sigmoid.exp(1000).isFinite)
        #expect(Sigmoid.exp(-1000) >= 0)
        #expect(Sigmoid.exp(.nan).isNaN)
        #expect(Sigmoid.logistic(-1000) >= 0 && Sigmoid.logistic(1000) == 1)
        #expect(abs(Sigmoid.softplus(30) - 30) < 1e-5)
        #expect(abs(Sigmoid.softplus(0) - Float(log(2.0))) < 1e-6)
    }
}
