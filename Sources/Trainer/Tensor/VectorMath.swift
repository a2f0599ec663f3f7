/// Reductions over float buffers with eight independent partial sums (`SIMD8`), which plain
/// loops cannot use because float addition is not reassociated by the compiler.
enum VectorMath {
    /// `Σ x[i]` for `i < count`.
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            acc += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = acc.sum()
        while i < count {
            total += x[i]
            i += 1
        }
        return total
    }

    /// `Σ (x[i] − shift)²` for `i < count`.
    @inline(__always)
    static func sumOfSquares(_ x: UnsafePointer<Float>, _ count: Int, minus shift: Float) -> Float {
        var acc = SIMD8<Float>()
        let s = SIMD8<Float>(repeating: shift)
        var i = 0
        while i + 8 <= count {
            let d = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - s
            acc += d * d
            i += 8
        }
        var total = acc.sum()
        while i < count {
            let d = x[i] - shift
            total += d * d
            i += 1
        }
        return total
    }

    /// `Σ x[i] · y[i]` for `i < count`.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            acc +=
                UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var total = acc.sum()
        while i < count {
            total += x[i] * y[i]
            i += 1
        }
        return total
    }
}
