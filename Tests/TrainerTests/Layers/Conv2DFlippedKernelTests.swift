import Testing

@testable import Trainer

@Suite struct Conv2DFlippedKernelTests {
    @Test(arguments: [(3, 1), (5, 2), (3, 0), (3, 2)])
    func inputGradientMatchesADirectSum(kernel: Int, padding: Int) {
        var rng = SplitMix64(seed: 21)
        let conv = Conv2D(3, 5, kernel: kernel, stride: 1, padding: padding, rng: &rng)
        let input = GradientCheck.random(2, 3, 7, 6, seed: 22)
        let out = conv.forward(input, training: true)
        #expect(conv.usesFlippedKernel(conv.geometry(for: input)) == (2 * padding == kernel - 1))
        let dy = GradientCheck.random(out.n, out.c, out.h, out.w, seed: 23)
        let dx = conv.backward(dy)
        let w = conv.weight.value
        for item in 0..<2 {
            for c in 0..<3 {
                for y in 0..<7 {
                    for x in 0..<6 {
                        var expected: Float = 0
                        for o in 0..<5 {
                            for ky in 0..<kernel {
                                for kx in 0..<kernel {
                                    let oy = y + padding - ky
                                    let ox = x + padding - kx
                                    guard (0..<out.h).contains(oy), (0..<out.w).contains(ox)
                                    else { continue }
                                    expected +=
                                        dy[((item * 5 + o) * out.h + oy) * out.w + ox]
                                        * w[((o * 3 + c) * kernel + ky) * kernel + kx]
                                }
                            }
                        }
                        let actual = dx[((item * 3 + c) * 7 + y) * 6 + x]
                        #expect(abs(actual - expected) < 1e-4, "dx[\(item),\(c),\(y),\(x)]")
                    }
                }
            }
        }
    }
}
