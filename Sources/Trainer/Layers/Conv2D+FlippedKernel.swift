/// The input gradient of a stride-1 "same" convolution (odd kernel, padding `(k − 1) / 2`) as a
/// forward convolution of the output gradient with the flipped, transposed kernel:
/// `dx[c] = Σ_o dy[o] ⋆ flip(W[o, c])`. One im2col of `dy` and one GEMM with `K = out·k²`
/// replace a GEMM with `K = out` into a column buffer, its zeroing and the col2im scatter.
extension Conv2D {
    /// Whether ``backward(_:)`` takes this path for `g`.
    func usesFlippedKernel(_ g: ConvGeometry) -> Bool {
        g.stride == 1 && !g.isPointwise && 2 * g.padding == g.kernel - 1
    }

    /// The geometry of the output gradient seen as the input of the flipped convolution.
    func flippedGeometry(_ g: ConvGeometry) -> ConvGeometry {
        ConvGeometry(
            inChannels: outChannels, inHeight: g.outHeight, inWidth: g.outWidth, kernel: kernel,
            stride: 1, padding: kernel - 1 - padding)
    }

    /// Writes `W[o, c, ky, kx]` to `flippedWeight[c, o, k−1−ky, k−1−kx]`.
    func prepareFlippedWeight() {
        flippedWeight.reshape(inChannels, outChannels, kernel, kernel)
        let k2 = kernel * kernel
        let w = weight.value.data
        let f = flippedWeight.data
        for o in 0..<outChannels {
            for c in 0..<inChannels {
                let source = w + (o * inChannels + c) * k2
                let target = f + (c * outChannels + o) * k2
                for i in 0..<k2 { target[k2 - 1 - i] = source[i] }
            }
        }
    }

    /// The input gradient `dIn` (one CHW image) from the pre-activation output gradient `dOut`,
    /// using ``columns`` as scratch (``reserveColumns(_:)`` of the flipped geometry), a block of
    /// rows at a time.
    func flippedKernelInputGradient(
        _ dOut: UnsafePointer<Float>, into dIn: UnsafeMutablePointer<Float>,
        geometry g: ConvGeometry
    ) {
        let flipped = flippedGeometry(g)
        if let set = inPlaceColumns(flipped) {
            return multiplyInPlace(
                set, m: inChannels, a: flippedWeight.data, image: dOut, geometry: flipped,
                padded: paddedImage, c: dIn)
        }
        for rows in columnBlocks(flipped) {
            flipped.im2col(dOut, into: columns.data, outputRows: rows, using: gemmKernel)
            let count = rows.count * flipped.outWidth
            gemm(
                m: inChannels, n: count, k: flipped.rows, a: flippedWeight.data,
                aRowStride: flipped.rows, b: columns.data, ldb: count,
                c: dIn + rows.lowerBound * flipped.outWidth, ldc: flipped.cols)
        }
    }
}
