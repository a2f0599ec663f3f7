/// SiLU (swish) activation, `x · σ(x)`, elementwise; YOLO's default since v5.
public final class SiLU: Layer {
    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    /// σ(x) of the last forward pass, reused by backward.
    private let gate = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    public init() {}

    public var parameters: [Parameter] { [] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        output.reshape(like: input)
        gate.reshape(like: input)
        let x = input.data
        let y = output.data
        let s = gate.data
        let count = input.count
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            let sigma = 1 / (1 + Sigmoid.exp(-v))
            UnsafeMutableRawPointer(s + i).storeBytes(of: sigma, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: v * sigma, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            let sigma = Sigmoid.logistic(x[i])
            s[i] = sigma
            y[i] = x[i] * sigma
            i += 1
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("SiLU.backward before forward") }
        precondition(outputGradient.count == input.count, "SiLU.backward: shape mismatch")
        inputGradient.reshape(like: input)
        let x = input.data
        let dy = outputGradient.data
        let dx = inputGradient.data
        let s = gate.data
        for i in 0..<input.count {
            dx[i] = dy[i] * s[i] * (1 + x[i] * (1 - s[i]))
        }
        return inputGradient
    }
}
