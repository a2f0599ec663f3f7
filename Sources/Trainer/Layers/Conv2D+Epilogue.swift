import CKernels

/// The passes around a ``Conv2D``'s GEMMs that apply (forward) and undo (backward) the bias and
/// the fused activation, one image at a time while its planes are in cache. With a
/// ``GEMMKernel/small(_:)`` kernel the SiLU runs on `CKernels`' vector code of the same
/// instruction set; with OpenBLAS it runs here, eight lanes at a time.
extension Conv2D {
    /// Adds the bias to the GEMM output of batch item `item` and applies ``activation`` in
    /// place, keeping `σ` for the backward pass.
    func applyBiasAndActivation(item: Int, planeCount: Int) {
        let out = output.data + item * output.itemCount
        for o in 0..<outChannels {
            let plane = out + o * planeCount
            let b = bias?.value[o] ?? 0
            switch activation {
            case .identity:
                if b != 0 { for i in 0..<planeCount { plane[i] += b } }
            case .silu:
                let gate = sigmoid.data + item * output.itemCount + o * planeCount
                if case .small(let set) = gemmKernel {
                    set.check(silu_forward(set.kernelValue, plane, gate, b, planeCount))
                } else {
                    siLU(plane, bias: b, gate: gate, count: planeCount)
                }
            }
        }
    }

    /// `z = x + b`, `gate = σ(z)`, `x = z·σ(z)` in place, eight lanes at a time.
    private func siLU(
        _ x: UnsafeMutablePointer<Float>, bias: Float, gate: UnsafeMutablePointer<Float>,
        count: Int
    ) {
        var i = 0
        let b = SIMD8<Float>(repeating: bias)
        while i + 8 <= count {
            let z = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) + b
            let s = 1 / (1 + Sigmoid.exp(-z))
            UnsafeMutableRawPointer(gate + i).storeBytes(of: s, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(x + i).storeBytes(of: z * s, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            let z = x[i] + bias
            let s = Sigmoid.logistic(z)
            gate[i] = s
            x[i] = z * s
            i += 1
        }
    }

    /// The gradient with respect to `conv(x) + b` of batch item `item`: `outputGradient`'s own
    /// planes for ``ConvActivation/identity``, else one image of ``preActivationGradient``,
    /// `dy · (σ + y·(1 − σ))` from the output `y = zσ(z)` (`d(zσ)/dz = σ + zσ(1 − σ)`).
    func preActivation(_ outputGradient: Tensor, item: Int) -> UnsafeMutablePointer<Float> {
        let offset = item * outputGradient.itemCount
        switch activation {
        case .identity:
            return outputGradient.data + offset
        case .silu:
            let dy = outputGradient.data + offset
            let y = output.data + offset
            let s = sigmoid.data + offset
            let dz = preActivationGradient.data
            if case .small(let set) = gemmKernel {
                set.check(silu_backward(set.kernelValue, dy, y, s, dz, outputGradient.itemCount))
            } else {
                for i in 0..<outputGradient.itemCount {
                    dz[i] = dy[i] * (s[i] + y[i] * (1 - s[i]))
                }
            }
            return dz
        }
    }
}
