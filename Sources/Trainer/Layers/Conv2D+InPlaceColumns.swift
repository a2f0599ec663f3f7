import CKernels

/// With a ``GEMMKernel/small(_:)`` kernel, a stride-1 "same" convolution's forward GEMM and its
/// flipped-kernel input gradient read their input in place of an im2col matrix: the image is
/// copied inside a zero border, and row `(c, ky, kx)` of the would-be column matrix is the
/// padded image seen from pixel `(c, ky, kx)`, one output row per group of columns
/// (`small_gemm_problem`). The products are the same as through im2col.
extension Conv2D {
    /// The instruction set that reads `g`'s columns in place, if this layer does.
    func inPlaceColumns(_ g: ConvGeometry) -> SmallGEMMInstructionSet? {
        guard case .small(let set) = gemmKernel, usesFlippedKernel(g) else { return nil }
        return set
    }

    /// `C = A · columns(image)` for the stride-1 geometry `g`, its columns read from `padded`
    /// (resized here) after `image` is copied into it; `A` is `m × g.rows` with rows of
    /// `g.rows`, `C` is `m × g.cols`.
    func multiplyInPlace(
        _ set: SmallGEMMInstructionSet, m: Int, a: UnsafePointer<Float>,
        image: UnsafePointer<Float>, geometry g: ConvGeometry, padded: Tensor,
        c: UnsafeMutablePointer<Float>
    ) {
        let side = (height: g.inHeight + 2 * g.padding, width: g.inWidth + 2 * g.padding)
        padded.reshape(1, g.inChannels, side.height, side.width)
        pad(image, geometry: g, into: padded.data, width: side.width)
        let offsets = (0..<g.rows).map { row in
            let (channel, tap) = row.quotientAndRemainder(dividingBy: g.kernel * g.kernel)
            let (ky, kx) = tap.quotientAndRemainder(dividingBy: g.kernel)
            return (channel * side.height + ky) * side.width + kx
        }
        offsets.withUnsafeBufferPointer { offsets in
            var problem = small_gemm_problem(
                m: m, n: g.cols, k: g.rows, a: a, a_row_stride: g.rows, a_column_stride: 1,
                b: padded.data, ldb: 0, b_row_offsets: offsets.baseAddress,
                b_group_length: g.outWidth, b_group_stride: side.width, c: c, ldc: g.cols,
                accumulate: 0)
            tallied(m: m, n: g.cols, k: g.rows) { set.multiply(&problem) }
        }
    }

    /// Writes the CHW `image` inside a border of `g.padding` zeros into `target`, whose rows
    /// are `width` long.
    private func pad(
        _ image: UnsafePointer<Float>, geometry g: ConvGeometry,
        into target: UnsafeMutablePointer<Float>, width: Int
    ) {
        let p = g.padding
        var row = target
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
    }
}
