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
        let x = input.data, y = output.data, s = gate.data
        for i in 0..<input.count {
            let sigma = Sigmoid.logistic(x[i])
            s[i] = sigma
            y[i] = x[i] * sigma
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("SiLU.backward before forward") }
        precondition(outputGradient.count == input.count, "SiLU.backward: shape mismatch")
        inputGradient.reshape(like: input)
        let x = input.data, dy = outputGradient.data, dx = inputGradient.data, s = gate.data
        for i in 0..<input.count {
            dx[i] = dy[i] * s[i] * (1 + x[i] * (1 - s[i]))
        }
        return inputGradient
    }
}
