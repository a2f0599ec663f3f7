/// The shape arithmetic of a 2-D convolution on one image, and its im2col / col2im transforms.
///
/// The column matrix is `rows × cols` row-major with `rows = inChannels * kernel * kernel`
/// (ordered channel, kernel row, kernel column — the layout of a `[out, in, k, k]` weight) and
/// `cols = outHeight * outWidth`, so a convolution is `weight[out × rows] · columns[rows × cols]`.
public struct ConvGeometry: Sendable, Equatable {
    public var inChannels: Int
    public var inHeight: Int
    public var inWidth: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int

    public init(
        inChannels: Int, inHeight: Int, inWidth: Int, kernel: Int, stride: Int, padding: Int
    ) {
        precondition(kernel >= 1 && stride >= 1 && padding >= 0, "ConvGeometry: bad kernel")
        self.inChannels = inChannels
        self.inHeight = inHeight
        self.inWidth = inWidth
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        precondition(
            outHeight >= 1 && outWidth >= 1,
            "ConvGeometry: input \(inHeight)×\(inWidth) too small for kernel \(kernel)")
    }

    public var outHeight: Int { (inHeight + 2 * padding - kernel) / stride + 1 }
    public var outWidth: Int { (inWidth + 2 * padding - kernel) / stride + 1 }
    /// Rows of the column matrix: `inChannels * kernel * kernel`.
    public var rows: Int { inChannels * kernel * kernel }
    /// Columns of the column matrix: `outHeight * outWidth`.
    public var cols: Int { outHeight * outWidth }
    /// A 1×1, stride-1, unpadded convolution reads its input as the column matrix directly.
    public var isPointwise: Bool { kernel == 1 && stride == 1 && padding == 0 }

    /// The output columns `lo..<hi` whose input column `ow * stride - padding + kx` is inside.
    @inline(__always)
    private func validColumns(kx: Int) -> (lo: Int, hi: Int) {
        let shift = kx - padding
        var lo = 0
        if shift < 0 { lo = (-shift + stride - 1) / stride }
        let last = inWidth - 1 - shift
        let hi = last < 0 ? 0 : min(outWidth, last / stride + 1)
        return (min(lo, hi), hi)
    }

    /// Writes the column matrix of one CHW image `input` into `columns` (`rows * cols` floats),
    /// or only the columns of the output rows `outputRows` (`rows × outputRows.count·outWidth`).
    public func im2col(
        _ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>,
        outputRows: Range<Int>? = nil
    ) {
        let rows = outputRows ?? 0..<outHeight
        let ow = outWidth
        let k = kernel
        for ch in 0..<inChannels {
            let plane = input + ch * inHeight * inWidth
            for ky in 0..<k {
                for kx in 0..<k {
                    let row = columns + ((ch * k + ky) * k + kx) * rows.count * ow
                    let (lo, hi) = validColumns(kx: kx)
                    let shift = kx - padding
                    for y in rows {
                        let dst = row + (y - rows.lowerBound) * ow
                        let iy = y * stride - padding + ky
                        if iy < 0 || iy >= inHeight || hi <= lo {
                            dst.update(repeating: 0, count: ow)
                            continue
                        }
                        let src = plane + iy * inWidth + shift
                        if lo > 0 { dst.update(repeating: 0, count: lo) }
                        if stride == 1 {
                            (dst + lo).update(from: src + lo, count: hi - lo)
                        } else if stride == 2 {
                            VectorMath.copyEven(src + 2 * lo, to: dst + lo, count: hi - lo)
                        } else {
                            for x in lo..<hi { dst[x] = src[x * stride] }
                        }
                        if hi < ow { (dst + hi).update(repeating: 0, count: ow - hi) }
                    }
                }
            }
        }
    }

    /// Adds the column matrix `columns` back onto the CHW image gradient `output` (the adjoint
    /// of ``im2col(_:into:outputRows:)``, for the same `outputRows`). `output` must be zeroed by
    /// the caller.
    public func col2im(
        _ columns: UnsafePointer<Float>, addingInto output: UnsafeMutablePointer<Float>,
        outputRows: Range<Int>? = nil
    ) {
        let rows = outputRows ?? 0..<outHeight
        let ow = outWidth
        let k = kernel
        for ch in 0..<inChannels {
            let plane = output + ch * inHeight * inWidth
            for ky in 0..<k {
                for kx in 0..<k {
                    let row = columns + ((ch * k + ky) * k + kx) * rows.count * ow
                    let (lo, hi) = validColumns(kx: kx)
                    let shift = kx - padding
                    for y in rows {
                        let iy = y * stride - padding + ky
                        if iy < 0 || iy >= inHeight || hi <= lo { continue }
                        let src = row + (y - rows.lowerBound) * ow
                        let dst = plane + iy * inWidth + shift
                        if stride == 1 {
                            for x in lo..<hi { dst[x] += src[x] }
                        } else {
                            for x in lo..<hi { dst[x * stride] += src[x] }
                        }
                    }
                }
            }
        }
    }
}
