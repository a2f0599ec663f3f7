/// SiLU (swish) activation, `x · σ(x)`, elementwise; YOLO's default since v5.
///
/// The forward pass keeps `σ(x)` so the backward pass needs no second `exp`
/// (``VectorMath/siluBackward(_:output:sigmoid:inputGradient:count:)``).
public final class SiLU: Layer {
    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    private let sigmoid = Tensor(0, 0, 0, 0)

    public init() {}

    public var parameters: [Parameter] { [] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        output.reshape(like: input)
        sigmoid.reshape(like: input)
        VectorMath.siluForward(
            input.data, bias: 0, output: output.data, sigmoid: sigmoid.data, count: input.count)
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(outputGradient.count == output.count, "SiLU.backward: shape mismatch")
        inputGradient.reshape(like: output)
        VectorMath.siluBackward(
            outputGradient.data, output: output.data, sigmoid: sigmoid.data,
            inputGradient: inputGradient.data, count: output.count)
        return inputGradient
    }
}
