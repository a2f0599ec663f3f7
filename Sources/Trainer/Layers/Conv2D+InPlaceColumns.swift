import CKernels

/// With a ``GEMMKernel/small(_:)`` kernel, the GEMMs that would read an im2col matrix read the
/// image in place instead: it is copied inside a zero border, and row `(c, ky, kx)` of the
/// would-be column matrix is the padded image seen from pixel `(c, ky, kx)`, an output row at
/// a time (`small_gemm_problem`'s row offsets and groups). The products are the same as
/// through im2col, in the same order.
///
/// The weight gradient reads any non-pointwise convolution's input this way (as `A`, with the
/// stride as its depth step); the forward GEMM and the flipped-kernel input gradient read a
/// stride-1 "same" convolution's (as `B`, whose rows must be contiguous).
extension Conv2D {
    /// The instruction set whose forward GEMM reads `g`'s columns in place, if any.
    func inPlaceColumns(_ g: ConvGeometry) -> SmallGEMMInstructionSet? {
        guard usesFlippedKernel(g) else { return nil }
        return inPlaceWeightGradient(g)
    }

    /// The instruction set whose weight gradient reads `g`'s columns in place, if any.
    func inPlaceWeightGradient(_ g: ConvGeometry) -> SmallGEMMInstructionSet? {
        guard case .small(let set) = gemmKernel, !g.isPointwise,
            g.outWidth.isMultiple(of: Self.inPlaceRowMultiple)
        else { return nil }
        return set
    }

    /// In place, a GEMM's tiles stop at the end of each output row (a group of columns or of
    /// depths): only rows of whole AVX-512 tiles (32 columns, two AVX2 tiles) keep every lane
    /// busy. A detector at 96² (rows of 48, 24, 12) ran 4% slower than through im2col.
    static let inPlaceRowMultiple = 32

    /// `C = A · columns(image)` for the stride-1 geometry `g`, its columns read from `padded`
    /// after `image` is copied into it; `A` is `m × g.rows` with rows of `g.rows`, `C` is
    /// `m × g.cols`.
    func multiplyInPlace(
        _ set: SmallGEMMInstructionSet, m: Int, a: UnsafePointer<Float>,
        image: UnsafePointer<Float>, geometry g: ConvGeometry, padded: Tensor,
        c: UnsafeMutablePointer<Float>
    ) {
        let (offsets, width) = pad(image, geometry: g, into: padded)
        offsets.withUnsafeBufferPointer { offsets in
            var problem = small_gemm_problem(
                m: m, n: g.cols, k: g.rows, a: a, a_row_stride: g.rows, a_column_stride: 1,
                a_row_offsets: nil, a_depth_group_length: 0, a_depth_group_stride: 0,
                b: padded.data, ldb: 0, b_row_offsets: offsets.baseAddress,
                b_group_length: g.outWidth, b_group_stride: width, c: c, ldc: g.cols,
                accumulate: 0)
            tallied(m: m, n: g.cols, k: g.rows) { set.multiply(&problem) }
        }
    }

    /// `C = columns(image) · B` (or `C +=` with `accumulate`): the weight gradient as
    /// `[g.rows, out]` from the output gradient `B` as `[g.cols, out]`, the columns read from
    /// `padded` after `image` is copied into it.
    func multiplyWeightGradientInPlace(
        _ set: SmallGEMMInstructionSet, image: UnsafePointer<Float>, geometry g: ConvGeometry,
        padded: Tensor, b: UnsafePointer<Float>, accumulate: Bool,
        c: UnsafeMutablePointer<Float>
    ) {
        let (offsets, width) = pad(image, geometry: g, into: padded)
        offsets.withUnsafeBufferPointer { offsets in
            var problem = small_gemm_problem(
                m: g.rows, n: outChannels, k: g.cols, a: padded.data, a_row_stride: 0,
                a_column_stride: g.stride, a_row_offsets: offsets.baseAddress,
                a_depth_group_length: g.outWidth, a_depth_group_stride: g.stride * width, b: b,
                ldb: outChannels, b_row_offsets: nil, b_group_length: 0, b_group_stride: 0,
                c: c, ldc: outChannels, accumulate: accumulate ? 1 : 0)
            tallied(m: g.rows, n: outChannels, k: g.cols) { set.multiply(&problem) }
        }
    }

    /// Writes the CHW `image` inside a border of `g.padding` zeros into `padded` (resized
    /// here); returns where each row `(c, ky, kx)` of the column matrix starts in it (at output
    /// pixel 0) and its row length.
    private func pad(
        _ image: UnsafePointer<Float>, geometry g: ConvGeometry, into padded: Tensor
    ) -> (offsets: [Int], width: Int) {
        let p = g.padding
        let height = g.inHeight + 2 * p
        let width = g.inWidth + 2 * p
        padded.reshape(1, g.inChannels, height, width)
        var row = padded.data
        for channel in 0..<g.inChannels {
            row.update(repeating: 0, count: p * width)
            row += p * width
            for y in 0..<g.inHeight {
                row.update(repeating: 0, count: p)
                (row + p).update(
                    from: image + (channel * g.inHeight + y) * g.inWidth, count: g.inWidth)
                (row + p + g.inWidth).update(repeating: 0, count: p)
                row += width
            }
            row.update(repeating: 0, count: p * width)
            row += p * width
        }
        let taps = g.kernel * g.kernel
        let offsets = (0..<g.rows).map { index in
            let (channel, tap) = index.quotientAndRemainder(dividingBy: taps)
            let (ky, kx) = tap.quotientAndRemainder(dividingBy: g.kernel)
            return (channel * height + ky) * width + kx
        }
        return (offsets, width)
    }
}
