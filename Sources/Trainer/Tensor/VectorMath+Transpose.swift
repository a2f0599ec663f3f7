extension VectorMath {
    /// Writes the `rows × columns` row-major matrix `source` transposed into `target`
    /// (`columns × rows`), in blocks of 16 columns so that the written rows stay in cache.
    static func transpose(
        _ source: UnsafePointer<Float>, rows: Int, columns: Int,
        into target: UnsafeMutablePointer<Float>
    ) {
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
