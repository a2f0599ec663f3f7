import Testing

@testable import Trainer

@Suite struct Conv2DFusedActivationTests {
    /// A fused conv and a plain conv + SiLU layer with the same weights and biases.
    private func pair(kernel: Int, stride: Int) -> (fused: Conv2D, plain: Conv2D) {
        var a = SplitMix64(seed: 11)
        var b = SplitMix64(seed: 11)
        let fused = Conv2D(3, 4, kernel: kernel, stride: stride, activation: .silu, rng: &a)
        let plain = Conv2D(3, 4, kernel: kernel, stride: stride, rng: &b)
        for i in 0..<4 {
            fused.bias!.value[i] = Float(i) * 0.3 - 0.5
            plain.bias!.value[i] = Float(i) * 0.3 - 0.5
        }
        return (fused, plain)
    }

    @Test(arguments: [(3, 1), (3, 2), (1, 1)])
    func matchesConvFollowedBySiLU(kernel: Int, stride: Int) {
        let (fused, plain) = pair(kernel: kernel, stride: stride)
        let silu = SiLU()
        let input = GradientCheck.random(2, 3, 9, 8, seed: 12, scale: 2)
        let expected = silu.forward(plain.forward(input, training: true), training: true).values
        let out = fused.forward(input, training: true)
        #expect(out.shape == [2, 4] + plain.geometry(for: input).outputShape)
        for (a, b) in zip(out.values, expected) { #expect(abs(a - b) <= 1e-5 * max(1, abs(b))) }

        let dy = GradientCheck.random(out.n, out.c, out.h, out.w, seed: 13)
        let dxFused = fused.backward(dy).values
        let dxPlain = plain.backward(silu.backward(dy)).values
        for (a, b) in zip(dxFused, dxPlain) { #expect(abs(a - b) <= 1e-5 * max(1, abs(b))) }
        for (p, q) in zip(fused.parameters, plain.parameters) {
            for (a, b) in zip(p.gradient.values, q.gradient.values) {
                #expect(abs(a - b) <= 1e-4 * max(1, abs(b)), "\(p.name)")
            }
        }
    }

    @Test(arguments: [(3, 1), (3, 2), (1, 1)])
    func gradientsMatchFiniteDifferences(kernel: Int, stride: Int) {
        let conv = pair(kernel: kernel, stride: stride).fused
        let input = GradientCheck.random(2, 3, 6, 7, seed: 14)
        GradientCheck.checkLayer(
            "fused silu conv k\(kernel) s\(stride)", conv, input: input, parameterTensors: 2)
    }

    @Test func identityAddsTheBiasOnce() {
        var rng = SplitMix64(seed: 15)
        let conv = Conv2D(1, 1, kernel: 1, rng: &rng)
        conv.weight.value[0] = 2
        conv.bias!.value[0] = 0.5
        let out = conv.forward(Tensor(1, 1, 1, 3, values: [1, -1, 0]), training: true)
        #expect(out.values == [2.5, -1.5, 0.5])
    }

    @Test func tallyCountsEveryGEMM() {
        let conv = pair(kernel: 3, stride: 1).fused
        conv.gemmTally = GEMMTally()
        let input = GradientCheck.random(2, 3, 5, 5, seed: 16)
        let out = conv.forward(input, training: true)
        _ = conv.backward(GradientCheck.random(out.n, out.c, out.h, out.w, seed: 17))
        // Per image: forward, weight gradient and column gradient, each 2 · 4 · 27 · 25.
        #expect(conv.gemmTally?.calls == 6)
        #expect(conv.gemmTally?.flops == Double(6 * 2 * 4 * 27 * 25))
        #expect((conv.gemmTally?.seconds ?? 0) > 0)
    }
}

extension ConvGeometry {
    /// `[outHeight, outWidth]`.
    fileprivate var outputShape: [Int] { [outHeight, outWidth] }
}
