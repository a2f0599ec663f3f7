/// Squeeze-and-excitation (Hu et al. 2018): `y = x · σ(MLP(mean_hw x))` per image and channel,
/// with the MLP of ``ChannelGateMLP`` (reduction 4, SiLU inside). Input and output `[N, C, H, W]`.
public final class SqueezeExcitation: Layer {
    public let channels: Int
    let mlp: ChannelGateMLP

    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    /// `[N, C]` channel means, then the gates `σ(MLP(mean))` of the last forward pass.
    private let pooled = Tensor(0, 0, 0, 0)
    private let gates = Tensor(0, 0, 0, 0)
    /// `[N, C]` gradient with respect to the gate logits, then to the pooled means.
    private let gateGradient = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    /// A block over `channels` channels; the MLP's output layer starts small (`gain` 0.1) so every
    /// gate starts near ½ and the block near a fixed scaling.
    public init(channels: Int, reduction: Int = 4, rng: inout some RandomNumberGenerator) {
        self.channels = channels
        mlp = ChannelGateMLP(
            channels: channels, reduction: reduction, branches: 1, gain: 0.1, rng: &rng)
    }

    public var parameters: [Parameter] { mlp.parameters }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(input.c == channels, "SqueezeExcitation: \(input.c) channels, not \(channels)")
        self.input = input
        let n = input.n
        let plane = input.planeCount
        pooled.reshape(1, 1, n, channels)
        let scale = 1 / Float(plane)
        for i in 0..<(n * channels) {
            pooled[i] = VectorMath.sum(input.data + i * plane, plane) * scale
        }
        let logits = mlp.forward(pooled, branch: 0, count: n)
        gates.reshape(1, 1, n, channels)
        for i in 0..<gates.count { gates[i] = Sigmoid.logistic(logits[i]) }
        output.reshape(like: input)
        for i in 0..<(n * channels) {
            let g = gates[i]
            let x = input.data + i * plane
            let y = output.data + i * plane
            for k in 0..<plane { y[k] = x[k] * g }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("SqueezeExcitation.backward before forward") }
        precondition(outputGradient.hasShape(of: input), "SqueezeExcitation.backward: shape")
        let n = input.n
        let plane = input.planeCount
        inputGradient.reshape(like: input)
        gateGradient.reshape(1, 1, n, channels)
        for i in 0..<(n * channels) {
            let g = gates[i]
            let dy = outputGradient.data + i * plane
            let dx = inputGradient.data + i * plane
            for k in 0..<plane { dx[k] = dy[k] * g }
            gateGradient[i] = VectorMath.dot(dy, input.data + i * plane, plane) * g * (1 - g)
        }
        mlp.zeroGradients()
        let pooledGradient = mlp.backward(gateGradient, branch: 0, count: n)
        let scale = 1 / Float(plane)
        for i in 0..<(n * channels) {
            let d = pooledGradient[i] * scale
            let dx = inputGradient.data + i * plane
            for k in 0..<plane { dx[k] += d }
        }
        return inputGradient
    }
}
