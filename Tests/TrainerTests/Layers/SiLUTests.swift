import Testing

@testable import Trainer

@Suite struct SiLUTests {
    @Test func gradientsMatchFiniteDifferences() {
        let input = GradientCheck.random(2, 2, 3, 3, seed: 21, scale: 4)
        GradientCheck.checkLayer(
            "silu", SiLU(), input: input, parameterTensors: 0, eps: 1e-3, rtol: 1e-2)
    }

    @Test func valuesAreXTimesSigmoid() {
        let out = SiLU().forward(Tensor(1, 1, 1, 3, values: [0, 2, -2]), training: true)
        #expect(out[0] == 0)
        #expect(abs(out[1] - 2 / (1 + 0.1353353)) < 1e-5)
        #expect(abs(out[2] - -2 / (1 + 7.389056)) < 1e-5)
    }
}
