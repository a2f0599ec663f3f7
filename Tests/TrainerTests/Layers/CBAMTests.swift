import Testing

@testable import Trainer

@Suite struct CBAMTests {
    /// An input whose values are all distinct and at least 0.05 apart, in a seeded order, so
    /// no finite-difference step changes which element a max pool picks.
    private func spacedInput(_ n: Int, _ c: Int, _ h: Int, _ w: Int, seed: UInt64) -> Tensor {
        let t = Tensor(n, c, h, w)
        var order = Array(0..<t.count)
        var rng = SplitMix64(seed: seed)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, rng.int(in: 0...i))
        }
        for (i, rank) in order.enumerated() { t[i] = Float(rank - t.count / 2) * 0.05 }
        return t
    }

    private func layer(channels: Int, seed: UInt64) -> CBAM {
        var rng = SplitMix64(seed: seed)
        let cbam = CBAM(channels: channels, rng: &rng)
        for i in 0..<cbam.mlp.bias1.value.count { cbam.mlp.bias1.value[i] = rng.uniform(-0.5, 0.5) }
        // Gates nearly equal across channels, so the scaled values keep their order too.
        for i in 0..<cbam.mlp.weight2.value.count { cbam.mlp.weight2.value[i] *= 0.1 }
        cbam.spatial.bias?.value[0] = 0.3
        for i in 0..<cbam.spatial.weight.value.count { cbam.spatial.weight.value[i] *= 10 }
        return cbam
    }

    @Test func gradientsMatchFiniteDifferences() {
        let input = spacedInput(2, 4, 3, 3, seed: 41)
        GradientCheck.checkLayer(
            "cbam", layer(channels: 4, seed: 7), input: input, parameterTensors: 6, eps: 4e-3,
            rtol: 3e-2, atol: 2e-3)
    }

    @Test func outputIsInputTimesAChannelAndASpatialGate() {
        let cbam = layer(channels: 4, seed: 8)
        let input = spacedInput(1, 4, 3, 3, seed: 42)
        let output = cbam.forward(input, training: true)
        // y[c, k] / x[c, k] = g[c] · m[k]: the ratio of two channels is the same at every cell.
        let ratio = { (c: Int, k: Int) in output[c * 9 + k] / input[c * 9 + k] }
        let cells = (0..<9).filter { input[$0] != 0 && input[9 + $0] != 0 }
        #expect(cells.count >= 8)
        for k in cells {
            #expect(ratio(0, k) > 0 && ratio(0, k) < 1)
            #expect(abs(ratio(0, k) / ratio(1, k) - ratio(0, cells[0]) / ratio(1, cells[0])) < 1e-3)
        }
    }

    @Test func parametersAreTheMLPsAndTheSpatialConvolutions() {
        let cbam = layer(channels: 8, seed: 9)
        #expect(cbam.parameters.map(\.value.count) == [4 * 8, 4, 8 * 4, 8, 2 * 7 * 7, 1])
    }
}
