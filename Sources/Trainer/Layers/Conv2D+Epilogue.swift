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
                VectorMath.siluForward(
                    plane, bias: b, output: plane,
                    sigmoid: sigmoid.data + item * output.itemCount + o * planeCount,
                    count: planeCount)
            }
        }
    }

    /// The gradient with respect to `conv(x) + b` of batch item `item`: `outputGradient`'s own
    /// planes for ``ConvActivation/identity``, else one image of ``preActivationGradient``.
    func preActivation(_ outputGradient: Tensor, item: Int) -> UnsafeMutablePointer<Float> {
        let offset = item * outputGradient.itemCount
        switch activation {
        case .identity:
            return outputGradient.data + offset
        case .silu:
            VectorMath.siluBackward(
                outputGradient.data + offset, output: output.data + offset,
                sigmoid: sigmoid.data + offset, inputGradient: preActivationGradient.data,
                count: outputGradient.itemCount)
            return preActivationGradient.data
        }
    }
}
