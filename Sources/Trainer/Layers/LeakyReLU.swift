/// Leaky ReLU, `x` for `x > 0` and `slope · x` otherwise (YOLOv3/v4's activation).
public final class LeakyReLU: Layer {
    public let slope: Float
    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    public init(slope: Float = 0.1) {
        self.slope = slope
    }

    public var parameters: [Parameter] { [] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        self.input = input
        output.reshape(like: input)
        let x = input.data
        let y = output.data
        for i in 0..<input.count { y[i] = x[i] > 0 ? x[i] : slope * x[i] }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("LeakyReLU.backward before forward") }
        precondition(outputGradient.count == input.count, "LeakyReLU.backward: shape mismatch")
        inputGradient.reshape(like: input)
        let x = input.data
        let dy = outputGradient.data
        let dx = inputGradient.data
        for i in 0..<input.count { dx[i] = x[i] > 0 ? dy[i] : slope * dy[i] }
        return inputGradient
    }
}
