/// The two-layer MLP of a channel attention block on pooled `[N, C]` descriptors:
/// `W₂ · silu(W₁ · s + b₁) + b₂` with `W₁` of shape `[hidden, C]` and `W₂` of shape `[C, hidden]`,
/// each product one `cblas_sgemm` over the whole batch.
///
/// Several branches may share the MLP (CBAM runs it on the average and the max pool): each
/// ``forward(_:branch:count:)`` keeps its own activations, and ``backward(_:branch:count:)``
/// accumulates into the gradients, which ``zeroGradients()`` clears.
final class ChannelGateMLP {
    let channels: Int
    let hidden: Int
    let weight1: Parameter
    let bias1: Parameter
    let weight2: Parameter
    let bias2: Parameter

    /// Per branch: the input descriptors `[N, C]`, the pre-activation `[N, hidden]`, its SiLU and
    /// the output `[N, C]`.
    private var inputs: [Tensor]
    private var preActivations: [Tensor]
    private var activations: [Tensor]
    private var outputs: [Tensor]
    private let hiddenGradient = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)

    /// An MLP with weights uniform in `±sqrt(3 / fanIn)` (output layer scaled by `gain`) and
    /// zero biases.
    init(
        channels: Int, reduction: Int, branches: Int, gain: Float,
        rng: inout some RandomNumberGenerator
    ) {
        precondition(channels > 0 && reduction > 0 && branches > 0, "ChannelGateMLP: bad sizes")
        self.channels = channels
        hidden = max(4, channels / reduction)
        func uniform(_ n: Int, _ c: Int, fanIn: Int, gain: Float) -> Tensor {
            let t = Tensor(1, 1, n, c)
            let bound = gain * (3 / Float(fanIn)).squareRoot()
            for i in 0..<t.count { t[i] = (Float(rng.next() >> 40) * 0x1p-24 * 2 - 1) * bound }
            return t
        }
        weight1 = Parameter(
            name: "gate.fc1.weight", value: uniform(hidden, channels, fanIn: channels, gain: 1),
            decays: true)
        bias1 = Parameter(name: "gate.fc1.bias", value: Tensor(1, 1, 1, hidden), decays: false)
        weight2 = Parameter(
            name: "gate.fc2.weight", value: uniform(channels, hidden, fanIn: hidden, gain: gain),
            decays: true)
        bias2 = Parameter(name: "gate.fc2.bias", value: Tensor(1, 1, 1, channels), decays: false)
        inputs = (0..<branches).map { _ in Tensor(0, 0, 0, 0) }
        preActivations = (0..<branches).map { _ in Tensor(0, 0, 0, 0) }
        activations = (0..<branches).map { _ in Tensor(0, 0, 0, 0) }
        outputs = (0..<branches).map { _ in Tensor(0, 0, 0, 0) }
    }

    var parameters: [Parameter] { [weight1, bias1, weight2, bias2] }

    /// Runs the MLP on `count` descriptors `[count, C]`; returns `[count, C]` (owned by the
    /// branch, valid until its next forward).
    func forward(_ descriptors: Tensor, branch: Int, count: Int) -> Tensor {
        let input = inputs[branch]
        input.copy(from: descriptors)
        let pre = preActivations[branch]
        let act = activations[branch]
        let out = outputs[branch]
        pre.reshape(1, 1, count, hidden)
        act.reshape(1, 1, count, hidden)
        out.reshape(1, 1, count, channels)
        for row in 0..<count {
            (pre.data + row * hidden).update(from: bias1.value.data, count: hidden)
            (out.data + row * channels).update(from: bias2.value.data, count: channels)
        }
        BLAS.gemm(
            transB: true, m: count, n: hidden, k: channels, a: input.data, lda: channels,
            b: weight1.value.data, ldb: channels, beta: 1, c: pre.data, ldc: hidden)
        for i in 0..<pre.count {
            act[i] = pre[i] * Sigmoid.logistic(pre[i])
        }
        BLAS.gemm(
            transB: true, m: count, n: channels, k: hidden, a: act.data, lda: hidden,
            b: weight2.value.data, ldb: hidden, beta: 1, c: out.data, ldc: channels)
        return out
    }

    /// Sets every gradient to zero (before the branches' backward passes accumulate).
    func zeroGradients() {
        for parameter in parameters { parameter.gradient.fill(0) }
    }

    /// Back-propagates `outputGradient` `[count, C]` of `branch`'s last forward, adds to the
    /// parameter gradients and returns the gradient with respect to its descriptors `[count, C]`
    /// (owned by the MLP, valid until the next backward).
    func backward(_ outputGradient: Tensor, branch: Int, count: Int) -> Tensor {
        let pre = preActivations[branch]
        let act = activations[branch]
        let input = inputs[branch]
        let dy = outputGradient.data
        for row in 0..<count {
            let g = dy + row * channels
            for c in 0..<channels { bias2.gradient[c] += g[c] }
        }
        // dW₂ += dyᵀ · act; d(act) = dy · W₂.
        BLAS.gemm(
            transA: true, m: channels, n: hidden, k: count, a: dy, lda: channels, b: act.data,
            ldb: hidden, beta: 1, c: weight2.gradient.data, ldc: hidden)
        hiddenGradient.reshape(1, 1, count, hidden)
        BLAS.gemm(
            m: count, n: hidden, k: channels, a: dy, lda: channels, b: weight2.value.data,
            ldb: hidden, beta: 0, c: hiddenGradient.data, ldc: hidden)
        let dh = hiddenGradient.data
        for i in 0..<hiddenGradient.count {
            let s = Sigmoid.logistic(pre[i])
            dh[i] *= s * (1 + pre[i] * (1 - s))
        }
        for row in 0..<count {
            let g = dh + row * hidden
            for j in 0..<hidden { bias1.gradient[j] += g[j] }
        }
        BLAS.gemm(
            transA: true, m: hidden, n: channels, k: count, a: dh, lda: hidden, b: input.data,
            ldb: channels, beta: 1, c: weight1.gradient.data, ldc: channels)
        inputGradient.reshape(1, 1, count, channels)
        BLAS.gemm(
            m: count, n: channels, k: hidden, a: dh, lda: hidden, b: weight1.value.data,
            ldb: channels, beta: 0, c: inputGradient.data, ldc: channels)
        return inputGradient
    }
}
