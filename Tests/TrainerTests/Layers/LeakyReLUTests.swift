import Testing

@testable import Trainer

@Suite struct LeakyReLUTests {
    @Test func gradientsMatchFiniteDifferences() {
        // Values stay at least 0.05 away from the kink at 0, beyond eps.
        let input = GradientCheck.random(2, 2, 3, 3, seed: 31, scale: 2)
        for i in 0..<input.count where abs(input[i]) < 0.05 { input[i] = 0.5 }
        GradientCheck.checkLayer(
            "leaky", LeakyReLU(slope: 0.1), input: input, parameterTensors: 0, eps: 1e-2)
    }

    @Test func scalesNegativesBySlope() {
        let out = LeakyReLU(slope: 0.2).forward(
            Tensor(1, 1, 1, 2, values: [3, -5]), training: true)
        #expect(out.values == [3, -1])
    }
}
