import CKernels

extension VectorMath {
    /// Writes the `rows × columns` row-major matrix `source` transposed into `target`
    /// (`columns × rows`): on `CKernels`' 8 × 8 register blocks for a ``GEMMKernel/small(_:)``
    /// kernel, else in blocks of 16 columns so that the written rows stay in cache.
    static func transpose(
        _ source: UnsafePointer<Float>, rows: Int, columns: Int,
        into target: UnsafeMutablePointer<Float>, using kernel: GEMMKernel
    ) {
        if case .small(let set) = kernel {
            return set.check(CKernels.transpose(set.kernelValue, source, rows, columns, target))
        }
        var start = 0
        while start < columns {
            let end = min(start + 16, columns)
            for row in 0..<rows {
                let sourceRow = source + row * columns
                for column in start..<end { target[column * rows + row] = sourceRow[column] }
            }
            start = end
        }
    }
}
