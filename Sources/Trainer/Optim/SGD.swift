/// Stochastic gradient descent with momentum and decoupled-from-bias weight decay, as PyTorch's
/// `torch.optim.SGD` (non-Nesterov, no dampening):
///
///     g = ∇ + weightDecay · θ      (weight decay only where `parameter.decays`)
///     v = momentum · v + g
///     θ = θ − lr · v
///
/// Biases and BatchNorm scales/shifts have `decays == false`, so weight decay never shrinks
/// them. Velocities start at zero and are allocated once.
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    public let momentum: Float
    public let weightDecay: Float
    private let velocities: [Tensor]

    public init(parameters: [Parameter], momentum: Float, weightDecay: Float) {
        self.parameters = parameters
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocities = parameters.map { Tensor($0.value.n, $0.value.c, $0.value.h, $0.value.w) }
    }

    public func step(lr: Float) {
        for (parameter, velocity) in zip(parameters, velocities) {
            let theta = parameter.value.data
            let grad = parameter.gradient.data
            let v = velocity.data
            let decay = parameter.decays ? weightDecay : 0
            let mu = momentum
            for i in 0..<parameter.value.count {
                let g = grad[i] + decay * theta[i]
                v[i] = mu * v[i] + g
                theta[i] -= lr * v[i]
            }
        }
    }
}
