/// Batch normalisation over `N × H × W` per channel (Ioffe & Szegedy), as PyTorch's
/// `BatchNorm2d`: training mode normalises with the batch's mean and biased variance and updates
/// the running statistics (`running = (1 − momentum)·running + momentum·batch`, unbiased
/// variance); evaluation mode normalises with the running statistics. So the batch size changes
/// what the network computes during training, as in YOLO.
public final class BatchNorm2D: Layer {
    public let channels: Int
    public let momentum: Float
    public let epsilon: Float
    /// Scale γ (starts at 1) and shift β (starts at 0); neither is weight-decayed.
    public let scale: Parameter
    public let shift: Parameter
    public let runningMean: Tensor
    public let runningVariance: Tensor

    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    /// The normalised input x̂ of the last forward pass.
    private let normalised = Tensor(0, 0, 0, 0)
    private let inverseStd: Tensor
    private var lastTraining = true

    public init(_ channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) {
        precondition(channels > 0, "BatchNorm2D: channels must be positive")
        self.channels = channels
        self.momentum = momentum
        self.epsilon = epsilon
        let gamma = Tensor(1, channels, 1, 1)
        gamma.fill(1)
        scale = Parameter(name: "bn.scale", value: gamma, decays: false)
        shift = Parameter(name: "bn.shift", value: Tensor(1, channels, 1, 1), decays: false)
        runningMean = Tensor(1, channels, 1, 1)
        runningVariance = Tensor(1, channels, 1, 1)
        runningVariance.fill(1)
        inverseStd = Tensor(1, channels, 1, 1)
    }

    public var parameters: [Parameter] { [scale, shift] }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(input.c == channels, "BatchNorm2D: \(input.c) channels, expected \(channels)")
        lastTraining = training
        output.reshape(like: input)
        normalised.reshape(like: input)
        let plane = input.planeCount
        let perChannel = input.n * plane
        for ch in 0..<channels {
            var mean: Float
            var variance: Float
            if training {
                var sum: Double = 0
                for item in 0..<input.n {
                    sum += Double(
                        VectorMath.sum(input.data + (item * channels + ch) * plane, plane))
                }
                mean = Float(sum / Double(perChannel))
                var squares: Double = 0
                for item in 0..<input.n {
                    squares += Double(
                        VectorMath.sumOfSquares(
                            input.data + (item * channels + ch) * plane, plane, minus: mean))
                }
                variance = Float(squares / Double(perChannel))
                let unbiased =
                    perChannel > 1
                    ? variance * Float(perChannel) / Float(perChannel - 1)
                    : variance
                runningMean[ch] = (1 - momentum) * runningMean[ch] + momentum * mean
                runningVariance[ch] = (1 - momentum) * runningVariance[ch] + momentum * unbiased
            } else {
                mean = runningMean[ch]
                variance = runningVariance[ch]
            }
            let invStd = 1 / (variance + epsilon).squareRoot()
            inverseStd[ch] = invStd
            let gamma = scale.value[ch]
            let beta = shift.value[ch]
            for item in 0..<input.n {
                let offset = (item * channels + ch) * plane
                let x = input.data + offset
                let xhat = normalised.data + offset
                let y = output.data + offset
                for i in 0..<plane {
                    let v = (x[i] - mean) * invStd
                    xhat[i] = v
                    y[i] = gamma * v + beta
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        precondition(
            outputGradient.hasShape(of: output), "BatchNorm2D.backward: gradient shape mismatch")
        inputGradient.reshape(like: outputGradient)
        let plane = outputGradient.planeCount
        let perChannel = Float(outputGradient.n * plane)
        for ch in 0..<channels {
            var sumDy: Float = 0
            var sumDyXhat: Float = 0
            for item in 0..<outputGradient.n {
                let offset = (item * channels + ch) * plane
                let dy = outputGradient.data + offset
                let xhat = normalised.data + offset
                sumDy += VectorMath.sum(dy, plane)
                sumDyXhat += VectorMath.dot(dy, xhat, plane)
            }
            shift.gradient[ch] = sumDy
            scale.gradient[ch] = sumDyXhat
            let k = scale.value[ch] * inverseStd[ch]
            let meanDy = sumDy / perChannel
            let meanDyXhat = sumDyXhat / perChannel
            for item in 0..<outputGradient.n {
                let offset = (item * channels + ch) * plane
                let dy = outputGradient.data + offset
                let xhat = normalised.data + offset
                let dx = inputGradient.data + offset
                if lastTraining {
                    for i in 0..<plane { dx[i] = k * (dy[i] - meanDy - xhat[i] * meanDyXhat) }
                } else {
                    for i in 0..<plane { dx[i] = k * dy[i] }
                }
            }
        }
        return inputGradient
    }
}
