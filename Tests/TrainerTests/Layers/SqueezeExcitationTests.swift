import Testing

@testable import Trainer

@Suite struct SqueezeExcitationTests {
    private func layer(channels: Int, seed: UInt64) -> SqueezeExcitation {
        var rng = SplitMix64(seed: seed)
        let se = SqueezeExcitation(channels: channels, rng: &rng)
        // Non-zero biases so their gradients are exercised away from the origin.
        for parameter in se.parameters where parameter.name.hasSuffix("bias") {
            for i in 0..<parameter.value.count { parameter.value[i] = rng.uniform(-0.5, 0.5) }
        }
        for i in 0..<se.mlp.weight2.value.count { se.mlp.weight2.value[i] *= 10 }
        return se
    }

    @Test func gradientsMatchFiniteDifferences() {
        let input = GradientCheck.random(2, 8, 3, 3, seed: 31, scale: 2)
        GradientCheck.checkLayer(
            "se", layer(channels: 8, seed: 5), input: input, parameterTensors: 4, eps: 1e-2)
    }

    @Test func scalesEachChannelByOneGate() {
        let se = layer(channels: 8, seed: 6)
        let input = GradientCheck.random(2, 8, 3, 3, seed: 32)
        let output = se.forward(input, training: true)
        #expect(output.shape == input.shape)
        for i in 0..<(2 * 8) {
            let plane = 9
            let gate = output[i * plane] / input[i * plane]
            #expect(gate > 0 && gate < 1)
            for k in 1..<plane {
                #expect(abs(output[i * plane + k] - input[i * plane + k] * gate) < 1e-5)
            }
        }
    }

    @Test func zeroWeightsGiveGatesOfOneHalf() {
        var rng = SplitMix64(seed: 1)
        let se = SqueezeExcitation(channels: 4, rng: &rng)
        for parameter in se.parameters { parameter.value.fill(0) }
        let input = GradientCheck.random(1, 4, 2, 2, seed: 3)
        let output = se.forward(input, training: false)
        for i in 0..<input.count { #expect(output[i] == input[i] / 2) }
    }
}
