import Testing

@testable import Trainer

/// The gradient check itself: a check that compares nothing, or fewer parameters than the layer
/// should have, is an issue, never a silent pass.
@Suite struct GradientCheckTests {
    @Test func anEmptyTensorIsAnIssue() {
        withKnownIssue {
            let outcome = GradientCheck.check("empty", tensor: Tensor(0, 3, 2, 2), analytic: []) {
                0
            }
            #expect(outcome.compared == 0)
        }
    }

    @Test func everyEntryIsCompared() {
        let x = GradientCheck.random(1, 2, 3, 3, seed: 1)
        let outcome = GradientCheck.check("square", tensor: x, analytic: x.values.map { 2 * $0 }) {
            x.values.reduce(0) { $0 + Double($1) * Double($1) }
        }
        #expect(outcome.compared == 18 && outcome.failures == 0)
        let everyFourth = GradientCheck.check(
            "square", tensor: x, analytic: x.values.map { 2 * $0 }, step: 4
        ) {
            x.values.reduce(0) { $0 + Double($1) * Double($1) }
        }
        #expect(everyFourth.compared == 5)
    }

    @Test func aLayerMissingExpectedParametersIsAnIssue() {
        withKnownIssue {
            GradientCheck.checkLayer(
                "silu", SiLU(), input: GradientCheck.random(1, 1, 2, 2, seed: 2),
                parameterTensors: 1)
        }
    }

    @Test func aCheckOfNothingIsAnIssue() {
        withKnownIssue {
            GradientCheck.checkLayer(
                "silu", SiLU(), input: GradientCheck.random(1, 1, 2, 2, seed: 3),
                parameterTensors: 0, checkInput: false)
        }
    }
}
