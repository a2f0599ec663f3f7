/// A 2-D convolution (cross-correlation, as in PyTorch) computed per image as im2col followed by
/// one `cblas_sgemm`; the backward pass uses two more GEMMs (weight gradient, column gradient)
/// and col2im.
///
/// Weight layout `[out, in, k, k]`; input `[N, in, H, W]`, output `[N, out, H', W']` with
/// `H' = (H + 2·padding − k) / stride + 1`. Set ``propagatesGradient`` to false on a network's
/// first layer: its input gradient is then not computed (``backward(_:)`` returns an empty
/// tensor).
public final class Conv2D: Layer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernel: Int
    public let stride: Int
    public let padding: Int
    public let weight: Parameter
    public let bias: Parameter?
    /// Whether ``backward(_:)`` computes the input gradient.
    public var propagatesGradient = true

    private let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    private let columns = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    /// A convolution with weights drawn uniformly from `±sqrt(6 / fanIn) * gain / sqrt(2)`
    /// (He/Kaiming uniform for `gain = sqrt(2)`), zero bias.
    public init<G: RandomNumberGenerator>(
        _ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int? = nil,
        bias: Bool = true, gain: Float = Float(2).squareRoot(), rng: inout G
    ) {
        precondition(inChannels > 0 && outChannels > 0 && kernel > 0, "Conv2D: bad sizes")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding ?? kernel / 2
        let w = Tensor(outChannels, inChannels, kernel, kernel)
        let bound = gain * (3 / Float(inChannels * kernel * kernel)).squareRoot()
        for i in 0..<w.count {
            w[i] = (Float(rng.next() >> 40) * 0x1p-24 * 2 - 1) * bound
        }
        weight = Parameter(name: "conv.weight", value: w, decays: true)
        self.bias =
            bias
            ? Parameter(name: "conv.bias", value: Tensor(1, outChannels, 1, 1), decays: false)
            : nil
    }

    /// A convolution initialised from `seed` (the trainer's SplitMix64 stream), for callers
    /// without a generator of their own.
    public convenience init(
        _ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int? = nil,
        bias: Bool = true, seed: UInt64
    ) {
        var rng = DatasetRNG(seed: seed, stream: 0xC0)
        self.init(
            inChannels, outChannels, kernel: kernel, stride: stride, padding: padding, bias: bias,
            rng: &rng)
    }

    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// The geometry for one image of `input`.
    public func geometry(for input: Tensor) -> ConvGeometry {
        ConvGeometry(
            inChannels: input.c, inHeight: input.h, inWidth: input.w, kernel: kernel,
            stride: stride, padding: padding)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        precondition(
            input.c == inChannels, "Conv2D: \(input.c) input channels, expected \(inChannels)")
        self.input = input
        let g = geometry(for: input)
        output.reshape(input.n, outChannels, g.outHeight, g.outWidth)
        if !g.isPointwise { columns.reshape(1, 1, g.rows, g.cols) }
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let out = output.data + item * output.itemCount
            let cols: UnsafePointer<Float>
            if g.isPointwise {
                cols = UnsafePointer(image)
            } else {
                g.im2col(image, into: columns.data)
                cols = UnsafePointer(columns.data)
            }
            if let bias {
                for o in 0..<outChannels {
                    (out + o * g.cols).update(repeating: bias.value[o], count: g.cols)
                }
            }
            BLAS.gemm(
                m: outChannels, n: g.cols, k: g.rows, a: weight.value.data, lda: g.rows,
                b: cols, ldb: g.cols, beta: bias == nil ? 0 : 1, c: out, ldc: g.cols)
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("Conv2D.backward before forward") }
        precondition(
            outputGradient.hasShape(of: output), "Conv2D.backward: gradient shape mismatch")
        let g = geometry(for: input)
        if propagatesGradient { inputGradient.reshape(like: input) }
        inputGradient.fill(0)
        if !g.isPointwise { columns.reshape(1, 1, g.rows, g.cols) }
        if let bias { bias.gradient.fill(0) }
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let dOut = outputGradient.data + item * outputGradient.itemCount
            let cols: UnsafePointer<Float>
            if g.isPointwise {
                cols = UnsafePointer(image)
            } else {
                g.im2col(image, into: columns.data)
                cols = UnsafePointer(columns.data)
            }
            BLAS.gemm(
                transB: true, m: outChannels, n: g.rows, k: g.cols, a: dOut, lda: g.cols,
                b: cols, ldb: g.cols, beta: item == 0 ? 0 : 1, c: weight.gradient.data,
                ldc: g.rows)
            if let bias {
                for o in 0..<outChannels {
                    bias.gradient[o] += VectorMath.sum(dOut + o * g.cols, g.cols)
                }
            }
            guard propagatesGradient else { continue }
            let dIn = inputGradient.data + item * input.itemCount
            if g.isPointwise {
                BLAS.gemm(
                    transA: true, m: g.rows, n: g.cols, k: outChannels, a: weight.value.data,
                    lda: g.rows, b: dOut, ldb: g.cols, beta: 0, c: dIn, ldc: g.cols)
            } else {
                BLAS.gemm(
                    transA: true, m: g.rows, n: g.cols, k: outChannels, a: weight.value.data,
                    lda: g.rows, b: dOut, ldb: g.cols, beta: 0, c: columns.data, ldc: g.cols)
                g.col2im(columns.data, addingInto: dIn)
            }
        }
        return inputGradient
    }
}
