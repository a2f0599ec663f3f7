/// The convolutional block attention module (Woo et al. 2018). Channel gates
/// `g = σ(MLP(mean_hw x) + MLP(max_hw x))` with one shared ``ChannelGateMLP`` (reduction 4), then
/// a spatial gate `m = σ(conv7×7([mean_c x', max_c x']))` on `x' = x · g`; the output is `x' · m`.
/// Input and output `[N, C, H, W]`.
///
/// Max pools pass their gradient to the first maximal element, as PyTorch's do.
public final class CBAM: Layer {
    public let channels: Int
    let mlp: ChannelGateMLP
    /// The 2 → 1 spatial convolution (7×7, padding 3, with bias).
    let spatial: Conv2D

    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    /// `[N, C]`: average and max pools, the channel gates; the index of each max.
    private let averages = Tensor(0, 0, 0, 0)
    private let maxima = Tensor(0, 0, 0, 0)
    private let gates = Tensor(0, 0, 0, 0)
    private var maximumCells: [Int] = []
    /// `x · g`, `[N, C, H, W]`.
    private let gated = Tensor(0, 0, 0, 0)
    /// `[N, 2, H, W]` channel mean and max of `gated`; the channel of each max.
    private let maps = Tensor(0, 0, 0, 0)
    private var maximumChannels: [Int] = []
    /// `[N, 1, H, W]` spatial gates, then the gradient with respect to their logits.
    private let spatialGates = Tensor(0, 0, 0, 0)
    private let spatialGradient = Tensor(0, 0, 0, 0)
    /// `[N, C]` gradient with respect to the channel gate logits.
    private let gateGradient = Tensor(0, 0, 0, 0)
    private let averageGradient = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    /// A block over `channels` channels; the MLP's output layer and the spatial convolution
    /// start small (`gain` 0.1), so every gate starts near ½.
    public init(channels: Int, reduction: Int = 4, rng: inout some RandomNumberGenerator) {
        self.channels = channels
        mlp = ChannelGateMLP(
            channels: channels, reduction: reduction, branches: 2, gain: 0.1, rng: &rng)
        spatial = Conv2D(2, 1, kernel: 7, bias: true, gain: 0.1, rng: &rng)
    }

    public var parameters: [Parameter] { mlp.parameters + spatial.parameters }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(input.c == channels, "CBAM: \(input.c) channels, not \(channels)")
        self.input = input
        let n = input.n
        let plane = input.planeCount
        poolChannels(input)
        let fromAverage = mlp.forward(averages, branch: 0, count: n)
        let fromMaximum = mlp.forward(maxima, branch: 1, count: n)
        gates.reshape(1, 1, n, channels)
        for i in 0..<gates.count { gates[i] = Sigmoid.logistic(fromAverage[i] + fromMaximum[i]) }
        gated.reshape(like: input)
        for i in 0..<(n * channels) {
            let g = gates[i]
            let x = input.data + i * plane
            let y = gated.data + i * plane
            for k in 0..<plane { y[k] = x[k] * g }
        }
        poolSpatially(gated)
        let logits = spatial.forward(maps, training: training)
        spatialGates.reshape(n, 1, input.h, input.w)
        for i in 0..<spatialGates.count { spatialGates[i] = Sigmoid.logistic(logits[i]) }
        output.reshape(like: input)
        for item in 0..<n {
            let m = spatialGates.data + item * plane
            for ch in 0..<channels {
                let offset = (item * channels + ch) * plane
                let x = gated.data + offset
                let y = output.data + offset
                for k in 0..<plane { y[k] = x[k] * m[k] }
            }
        }
        return output
    }

    /// Fills ``averages``, ``maxima`` and ``maximumCells`` from `input`.
    private func poolChannels(_ input: Tensor) {
        let plane = input.planeCount
        let count = input.n * channels
        averages.reshape(1, 1, input.n, channels)
        maxima.reshape(1, 1, input.n, channels)
        maximumCells.removeAll(keepingCapacity: true)
        let scale = 1 / Float(plane)
        for i in 0..<count {
            let x = input.data + i * plane
            averages[i] = VectorMath.sum(x, plane) * scale
            var best = 0
            for k in 1..<max(1, plane) where x[k] > x[best] { best = k }
            maxima[i] = x[best]
            maximumCells.append(best)
        }
    }

    /// Fills ``maps`` (`[N, 2, H, W]`: channel mean, channel max) and ``maximumChannels``.
    private func poolSpatially(_ x: Tensor) {
        let plane = x.planeCount
        maps.reshape(x.n, 2, x.h, x.w)
        maximumChannels.removeAll(keepingCapacity: true)
        let scale = 1 / Float(channels)
        for item in 0..<x.n {
            let base = x.data + item * channels * plane
            let mean = maps.data + item * 2 * plane
            let maximum = mean + plane
            mean.update(from: base, count: plane)
            maximum.update(from: base, count: plane)
            let firstChannel = maximumChannels.count
            maximumChannels.append(contentsOf: repeatElement(0, count: plane))
            for ch in 1..<max(1, channels) {
                let row = base + ch * plane
                for k in 0..<plane {
                    mean[k] += row[k]
                    if row[k] > maximum[k] {
                        maximum[k] = row[k]
                        maximumChannels[firstChannel + k] = ch
                    }
                }
            }
            for k in 0..<plane { mean[k] *= scale }
        }
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("CBAM.backward before forward") }
        precondition(outputGradient.hasShape(of: input), "CBAM.backward: shape mismatch")
        let n = input.n
        let plane = input.planeCount
        // Spatial gate: dm = Σ_c dy · x', through σ and the convolution to the two maps.
        spatialGradient.reshape(n, 1, input.h, input.w)
        spatialGradient.fill(0)
        for item in 0..<n {
            let dm = spatialGradient.data + item * plane
            for ch in 0..<channels {
                let offset = (item * channels + ch) * plane
                let dy = outputGradient.data + offset
                let x = gated.data + offset
                for k in 0..<plane { dm[k] += dy[k] * x[k] }
            }
            let m = spatialGates.data + item * plane
            for k in 0..<plane { dm[k] *= m[k] * (1 - m[k]) }
        }
        let mapGradient = spatial.backward(spatialGradient)
        // Gradient with respect to x' (kept in inputGradient for now).
        inputGradient.reshape(like: input)
        let scale = 1 / Float(channels)
        for item in 0..<n {
            let m = spatialGates.data + item * plane
            let dMean = mapGradient.data + item * 2 * plane
            let dMax = dMean + plane
            for ch in 0..<channels {
                let offset = (item * channels + ch) * plane
                let dy = outputGradient.data + offset
                let dx = inputGradient.data + offset
                for k in 0..<plane { dx[k] = dy[k] * m[k] + dMean[k] * scale }
            }
            for k in 0..<plane {
                let ch = maximumChannels[item * plane + k]
                inputGradient[(item * channels + ch) * plane + k] += dMax[k]
            }
        }
        // Channel gate: dg = Σ_hw dx' · x, through σ and the shared MLP's two branches.
        gateGradient.reshape(1, 1, n, channels)
        for i in 0..<(n * channels) {
            let g = gates[i]
            let dx = inputGradient.data + i * plane
            gateGradient[i] = VectorMath.dot(dx, input.data + i * plane, plane) * g * (1 - g)
            for k in 0..<plane { dx[k] *= g }
        }
        mlp.zeroGradients()
        averageGradient.copy(from: mlp.backward(gateGradient, branch: 0, count: n))
        let maximumGradient = mlp.backward(gateGradient, branch: 1, count: n)
        let poolScale = 1 / Float(plane)
        for i in 0..<(n * channels) {
            let d = averageGradient[i] * poolScale
            let dx = inputGradient.data + i * plane
            for k in 0..<plane { dx[k] += d }
            dx[maximumCells[i]] += maximumGradient[i]
        }
        return inputGradient
    }
}
