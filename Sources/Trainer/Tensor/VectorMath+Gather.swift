/// The stride-2 row gather of im2col: plain `dst[x] = src[2x]` loops stay scalar, and they are
/// most of im2col's time in the stride-2 convolutions.
extension VectorMath {
    /// `dst[i] = src[2·i]` for `i < count`, as the even lanes of sixteen-float loads. Reads
    /// `src[0...2·(count − 1)]` only.
    @inline(__always)
    static func copyEven(
        _ src: UnsafePointer<Float>, to dst: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        // A full load reads src[2i ... 2i + 15]; 2i + 15 ≤ 2(count − 1) needs i + 8 < count.
        while i + 8 < count {
            let v = UnsafeRawPointer(src + 2 * i).loadUnaligned(as: SIMD16<Float>.self)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: v.evenHalf, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            dst[i] = src[2 * i]
            i += 1
        }
    }
}
