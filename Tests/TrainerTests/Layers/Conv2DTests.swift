import Testing

@testable import Trainer

@Suite struct Conv2DTests {
    @Test(arguments: [
        (3, 1, 1), (3, 2, 1), (3, 2, 0), (3, 1, 0), (1, 1, 0), (1, 2, 0), (1, 1, 1), (5, 1, 2),
    ])
    func gradientsMatchFiniteDifferences(kernel: Int, stride: Int, padding: Int) {
        var rng = SplitMix64(seed: 1)
        let conv = Conv2D(3, 4, kernel: kernel, stride: stride, padding: padding, rng: &rng)
        for i in 0..<4 { conv.bias!.value[i] = Float(i) * 0.1 }
        let input = GradientCheck.random(2, 3, 7, 6, seed: 2)
        GradientCheck.checkLayer(
            "conv k\(kernel) s\(stride) p\(padding)", conv, input: input, parameterTensors: 2)
    }

    /// Rows of 64 (32 at stride 2) are read in place by the small kernels.
    @Test(arguments: [1, 2])
    func inPlaceGradientsMatchFiniteDifferences(stride: Int) {
        var rng = SplitMix64(seed: 17)
        let conv = Conv2D(2, 3, kernel: 3, stride: stride, activation: .silu, rng: &rng)
        let input = GradientCheck.random(1, 2, 3, 64, seed: 18)
        GradientCheck.checkLayer(
            "conv in place s\(stride)", conv, input: input, parameterTensors: 2)
    }

    @Test func forwardMatchesADirectConvolution() {
        var rng = SplitMix64(seed: 3)
        let conv = Conv2D(2, 3, kernel: 3, stride: 2, padding: 1, rng: &rng)
        for i in 0..<3 { conv.bias!.value[i] = Float(i) - 1 }
        let input = GradientCheck.random(1, 2, 5, 5, seed: 4)
        let out = conv.forward(input, training: true)
        #expect(out.shape == [1, 3, 3, 3])
        for o in 0..<3 {
            for y in 0..<3 {
                for x in 0..<3 {
                    var expected = conv.bias!.value[o]
                    for c in 0..<2 {
                        for ky in 0..<3 {
                            for kx in 0..<3 {
                                let iy = y * 2 - 1 + ky
                                let ix = x * 2 - 1 + kx
                                guard (0..<5).contains(iy), (0..<5).contains(ix) else { continue }
                                expected +=
                                    conv.weight.value[((o * 2 + c) * 3 + ky) * 3 + kx]
                                    * input[(c * 5 + iy) * 5 + ix]
                            }
                        }
                    }
                    #expect(abs(out[(o * 3 + y) * 3 + x] - expected) < 1e-5)
                }
            }
        }
    }

    @Test func firstLayerSkipsTheInputGradientButKeepsWeightGradients() {
        var rng = SplitMix64(seed: 5)
        let conv = Conv2D(3, 2, kernel: 3, bias: false, rng: &rng)
        conv.propagatesGradient = false
        let input = GradientCheck.random(1, 3, 4, 4, seed: 6)
        let out = conv.forward(input, training: true)
        let dInput = conv.backward(GradientCheck.random(out.n, out.c, out.h, out.w, seed: 7))
        #expect(dInput.count == 0)
        #expect(conv.weight.gradient.values.contains { $0 != 0 })
        #expect(conv.parameters.count == 1)
    }

    /// Output, weight gradient and input gradient of the same layer computed with `kernel`.
    private func pass(_ kernel: GEMMKernel, stride: Int) -> [[Float]] {
        var rng = SplitMix64(seed: 8)
        let conv = Conv2D(5, 6, kernel: 3, stride: stride, activation: .silu, rng: &rng)
        conv.gemmKernel = kernel
        let input = GradientCheck.random(3, 5, 9, 11, seed: 9)
        let out = conv.forward(input, training: true)
        let dInput = conv.backward(GradientCheck.random(out.n, out.c, out.h, out.w, seed: 10))
        return [out.values, conv.weight.gradient.values, dInput.values]
    }

    @Test(arguments: [1, 2])
    func everyGEMMKernelGivesTheSamePass(stride: Int) {
        let reference = pass(.openBLAS, stride: stride)
        var small: [[Float]] = []
        for kernel in GEMMKernel.available where kernel != .openBLAS {
            let result = pass(kernel, stride: stride)
            for (got, expected) in zip(result, reference) {
                #expect(zip(got, expected).allSatisfy { abs($0 - $1) < 1e-4 }, "\(kernel)")
            }
            if small.isEmpty { small = result } else { #expect(result == small, "\(kernel)") }
        }
    }

    @Test(arguments: [1, 2])
    func blocksOfOutputRowsGiveTheSamePass(stride: Int) {
        func pass(blockFloats: Int) -> [[Float]] {
            var rng = SplitMix64(seed: 11)
            let conv = Conv2D(4, 5, kernel: 3, stride: stride, activation: .silu, rng: &rng)
            conv.columnBlockFloats = blockFloats
            let input = GradientCheck.random(2, 4, 13, 10, seed: 12)
            let out = conv.forward(input, training: true)
            let dInput = conv.backward(GradientCheck.random(out.n, out.c, out.h, out.w, seed: 13))
            return [out.values, conv.weight.gradient.values, dInput.values]
        }
        let whole = pass(blockFloats: 1 << 20)
        let rowByRow = pass(blockFloats: 1)
        #expect(rowByRow[0] == whole[0])
        #expect(zip(rowByRow[1], whole[1]).allSatisfy { abs($0 - $1) < 1e-4 })
        #expect(zip(rowByRow[2], whole[2]).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(rowByRow[2].contains { $0 != 0 })
    }

    /// The GEMMs that read the padded input in place give the bits of the same GEMMs over an
    /// explicit im2col matrix.
    @Test(arguments: [1, 2])
    func inPlaceColumnsGiveTheBitsOfIm2col(stride: Int) {
        for case .small(let set) in GEMMKernel.available {
            var rng = SplitMix64(seed: 14)
            let conv = Conv2D(3, 4, kernel: 3, stride: stride, bias: false, rng: &rng)
            conv.gemmKernel = .small(set)
            let input = GradientCheck.random(1, 3, 5, 64, seed: 15)
            #expect(conv.inPlaceWeightGradient(conv.geometry(for: input)) == set)
            let out = conv.forward(input, training: true)
            let dOut = GradientCheck.random(out.n, out.c, out.h, out.w, seed: 16)
            _ = conv.backward(dOut)
            let g = conv.geometry(for: input)
            let columns = Tensor(1, 1, g.rows, g.cols)
            g.im2col(input.data, into: columns.data)
            let expected = Tensor(1, 4, g.outHeight, g.outWidth)
            GEMMKernel.small(set).multiply(
                m: 4, n: g.cols, k: g.rows, a: conv.weight.value.data, aRowStride: g.rows,
                aColumnStride: 1, b: columns.data, ldb: g.cols, accumulate: false,
                c: expected.data, ldc: g.cols)
            #expect(out.values == expected.values, "forward \(set) stride \(stride)")
            let dOutT = Tensor(1, 1, g.cols, 4)
            VectorMath.transpose(
                dOut.data, rows: 4, columns: g.cols, into: dOutT.data, using: .openBLAS)
            let gradientT = Tensor(1, 1, g.rows, 4)
            GEMMKernel.small(set).multiply(
                m: g.rows, n: 4, k: g.cols, a: columns.data, aRowStride: g.cols,
                aColumnStride: 1, b: dOutT.data, ldb: 4, accumulate: false,
                c: gradientT.data, ldc: 4)
            let gradient = Tensor(1, 1, 4, g.rows)
            VectorMath.transpose(
                gradientT.data, rows: g.rows, columns: 4, into: gradient.data, using: .openBLAS)
            #expect(
                conv.weight.gradient.values == gradient.values, "weights \(set) stride \(stride)")
        }
    }
}
