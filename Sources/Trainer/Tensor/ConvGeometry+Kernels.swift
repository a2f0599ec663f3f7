import CKernels

/// im2col and col2im on `CKernels`' vector code when a convolution's ``GEMMKernel`` is one of
/// its instruction sets: the same values (col2im adds in the same order), without a call per
/// image row.
extension ConvGeometry {
    /// ``im2col(_:into:outputRows:)``, vectorised for a ``GEMMKernel/small(_:)`` kernel.
    func im2col(
        _ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>,
        outputRows: Range<Int>, using kernel: GEMMKernel
    ) {
        guard case .small(let set) = kernel else {
            return im2col(input, into: columns, outputRows: outputRows)
        }
        var geometry = kernelGeometry
        set.check(
            CKernels.im2col(
                set.kernelValue, &geometry, input, outputRows.lowerBound, outputRows.upperBound,
                columns))
    }

    /// ``col2im(_:addingInto:outputRows:)``, vectorised for a ``GEMMKernel/small(_:)`` kernel.
    func col2im(
        _ columns: UnsafePointer<Float>, addingInto output: UnsafeMutablePointer<Float>,
        outputRows: Range<Int>, using kernel: GEMMKernel
    ) {
        guard case .small(let set) = kernel else {
            return col2im(columns, addingInto: output, outputRows: outputRows)
        }
        var geometry = kernelGeometry
        set.check(
            CKernels.col2im(
                set.kernelValue, &geometry, columns, outputRows.lowerBound, outputRows.upperBound,
                output))
    }

    /// Output rows in blocks whose column matrix holds at most `floats` values (at least one
    /// row each), so that the matrix stays in cache between im2col and the GEMM that reads it.
    func outputRowBlocks(floats: Int) -> [Range<Int>] {
        let step = max(1, floats / (rows * outWidth))
        return Swift.stride(from: 0, to: outHeight, by: step).map { $0..<min($0 + step, outHeight) }
    }

    private var kernelGeometry: conv_geometry {
        conv_geometry(
            channels: inChannels, height: inHeight, width: inWidth, kernel: kernel,
            stride: stride, padding: padding)
    }
}
