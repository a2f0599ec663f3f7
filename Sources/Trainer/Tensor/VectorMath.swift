/// Eight-lane float kernels for the elementwise hot loops (SiLU forward and backward, sums),
/// written with plain SSE2-level operations so they vectorise on any x86-64 or arm64 target.
///
/// ``exp(_:)`` is Cephes' `expf` (range reduction by `ln 2`, degree-6 polynomial, exponent
/// bits built directly), accurate to about 2 ulp, with the argument clamped to ±80 like
/// ``Sigmoid/exp(_:)``.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// `e^x` per lane, `x` clamped to ±80.
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        // Clamp with masks: the generic `clamped` is not inlined into the loops.
        var x = x
        x.replace(with: -80, where: x .< -80)
        x.replace(with: 80, where: x .> 80)
        // Round x·log2(e) to the nearest integer n with the 1.5·2²³ trick: the low mantissa
        // bits of `t` then hold n as an integer.
        let magic = Vector(repeating: 12_582_912)
        let t = x * 1.442_695_04 + magic
        let n = t - magic
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let integer =
            unsafeBitCast(t, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
        let scale = unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
        return p * scale
    }

    /// `y = z · σ(z)` and `s = σ(z)` for `z = x + bias` over `count` elements; `y` may alias `x`.
    @inline(__always)
    static func siluForward(
        _ x: UnsafePointer<Float>, bias: Float, output y: UnsafeMutablePointer<Float>,
        sigmoid s: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        let one = Vector(repeating: 1)
        while i + 8 <= count {
            let z = UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self) + bias
            let sig = one / (one + exp(-z))
            UnsafeMutableRawPointer(s + i).storeBytes(of: sig, as: Vector.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: z * sig, as: Vector.self)
            i += 8
        }
        while i < count {
            let z = x[i] + bias
            let sig = 1 / (1 + Sigmoid.exp(-z))
            s[i] = sig
            y[i] = z * sig
            i += 1
        }
    }

    /// The SiLU input gradient `dx = dy · (s + y·(1 − s))` from the forward pass's output `y`
    /// and sigmoid `s` (`d(z σ(z))/dz = σ + zσ(1 − σ)`); `dx` may alias `dy`.
    @inline(__always)
    static func siluBackward(
        _ dy: UnsafePointer<Float>, output y: UnsafePointer<Float>, sigmoid s: UnsafePointer<Float>,
        inputGradient dx: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        while i + 8 <= count {
            let g = UnsafeRawPointer(dy + i).loadUnaligned(as: Vector.self)
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: Vector.self)
            let sv = UnsafeRawPointer(s + i).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(dx + i).storeBytes(
                of: g * (sv + yv * (1 - sv)), as: Vector.self)
            i += 8
        }
        while i < count {
            dx[i] = dy[i] * (s[i] + y[i] * (1 - s[i]))
            i += 1
        }
    }

    /// The sum of `count` floats, accumulated in eight lanes (so it vectorises).
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = Vector()
        var i = 0
        while i + 8 <= count {
            lanes += UnsafeRawPointer(x + i).loadUnaligned(as: Vector.self)
            i += 8
        }
        var total = lanes.sum()
        while i < count {
            total += x[i]
            i += 1
        }
        return total
    }
}
