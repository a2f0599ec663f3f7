/// The passes around a ``Conv2D``'s GEMMs that apply (forward) and undo (backward) the bias and
/// the fused activation, one image at a time while its planes are in cache.
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
                for i in 0..<planeCount {
                    let z = plane[i] + b
                    let s = Sigmoid.logistic(z)
                    gate[i] = s
                    plane[i] = z * s
                }
            }
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
            for i in 0..<outputGradient.itemCount { dz[i] = dy[i] * (s[i] + y[i] * (1 - s[i])) }
            return dz
        }
    }
}
