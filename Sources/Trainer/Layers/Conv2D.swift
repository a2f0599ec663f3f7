/// A 2-D convolution (cross-correlation, as in PyTorch) computed per image as im2col followed by
/// one GEMM (``gemmKernel``); the backward pass uses two more GEMMs (weight gradient, column
/// gradient) and col2im. The weight gradient is summed as `columns · dOutᵀ`, transposed, so that
/// its long dimension (the pixels) is the GEMM's depth. A 1×1 stride-1 convolution skips im2col and reads the image directly; a stride-1
/// "same" convolution computes its input gradient as a convolution with the flipped kernel
/// (`Conv2D+FlippedKernel.swift`) instead of col2im.
///
/// With ``ConvActivation/silu`` the bias and SiLU are applied in one pass over each image's
/// GEMM output while it is still in cache (`silu(conv(x) + b)`), and the backward pass turns
/// the output gradient into the pre-activation gradient image by image the same way.
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
    /// What is applied to `conv(x) + b` before it is returned.
    public let activation: ConvActivation
    /// Whether ``backward(_:)`` computes the input gradient.
    public var propagatesGradient = true
    /// When set, every GEMM of ``forward(_:training:)`` and ``backward(_:)`` adds its work and
    /// time here (benchmarks only; `nil`, the default, costs nothing).
    public var gemmTally: GEMMTally?
    /// The code that computes this layer's GEMMs.
    public var gemmKernel = GEMMKernel.best

    let output = Tensor(0, 0, 0, 0)
    private let inputGradient = Tensor(0, 0, 0, 0)
    let columns = Tensor(0, 0, 0, 0)
    /// `σ(conv(x) + b)` of the last forward pass (``ConvActivation/silu`` only).
    let sigmoid = Tensor(0, 0, 0, 0)
    /// One image's gradient with respect to `conv(x) + b` (``ConvActivation/silu`` only).
    let preActivationGradient = Tensor(0, 0, 0, 0)
    /// The weight as `[in, out, k, k]` with each kernel rotated by 180° (stride-1 backward).
    let flippedWeight = Tensor(0, 0, 0, 0)
    /// One image's pre-activation output gradient as `[pixels, out]`.
    private let transposedOutputGradient = Tensor(0, 0, 0, 0)
    /// The weight gradient as `[in·k·k, out]`, summed over the batch before it is transposed.
    private let transposedWeightGradient = Tensor(0, 0, 0, 0)
    private var input: Tensor?

    /// A convolution with weights drawn uniformly from `±sqrt(6 / fanIn) * gain / sqrt(2)`
    /// (He/Kaiming uniform for `gain = sqrt(2)`), zero bias.
    public init<G: RandomNumberGenerator>(
        _ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int = 1, padding: Int? = nil,
        bias: Bool = true, activation: ConvActivation = .identity,
        gain: Float = Float(2).squareRoot(), rng: inout G
    ) {
        precondition(inChannels > 0 && outChannels > 0 && kernel > 0, "Conv2D: bad sizes")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding ?? kernel / 2
        self.activation = activation
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
        bias: Bool = true, activation: ConvActivation = .identity, seed: UInt64
    ) {
        var rng = SplitMix64(seed: seed, stream: 0xC0)
        self.init(
            inChannels, outChannels, kernel: kernel, stride: stride, padding: padding, bias: bias,
            activation: activation, rng: &rng)
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
        if activation == .silu { sigmoid.reshape(like: output) }
        if !g.isPointwise { columns.reshape(1, 1, g.rows, g.cols) }
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let out = output.data + item * output.itemCount
            let cols = columnMatrix(of: image, geometry: g)
            gemm(
                m: outChannels, n: g.cols, k: g.rows, a: weight.value.data, aRowStride: g.rows,
                b: cols, ldb: g.cols, c: out, ldc: g.cols)
            applyBiasAndActivation(item: item, planeCount: g.cols)
        }
        return output
    }

    public func backward(_ outputGradient: Tensor) -> Tensor {
        guard let input else { preconditionFailure("Conv2D.backward before forward") }
        precondition(
            outputGradient.hasShape(of: output), "Conv2D.backward: gradient shape mismatch")
        let g = geometry(for: input)
        if propagatesGradient { inputGradient.reshape(like: input) }
        let flipped = propagatesGradient && usesFlippedKernel(g)
        if !g.isPointwise {
            columns.reshape(1, 1, max(g.rows, flipped ? flippedGeometry(g).rows : 0), g.cols)
        }
        if flipped { prepareFlippedWeight() }
        transposedOutputGradient.reshape(1, 1, g.cols, outChannels)
        transposedWeightGradient.reshape(1, 1, g.rows, outChannels)
        if let bias { bias.gradient.fill(0) }
        if activation == .silu {
            preActivationGradient.reshape(1, outChannels, g.outHeight, g.outWidth)
        }
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let dOut = UnsafePointer(preActivation(outputGradient, item: item))
            let cols = columnMatrix(of: image, geometry: g)
            VectorMath.transpose(
                dOut, rows: outChannels, columns: g.cols, into: transposedOutputGradient.data)
            gemm(
                m: g.rows, n: outChannels, k: g.cols, a: cols, aRowStride: g.cols,
                b: transposedOutputGradient.data, ldb: outChannels, accumulate: item > 0,
                c: transposedWeightGradient.data, ldc: outChannels)
            if let bias {
                for o in 0..<outChannels {
                    bias.gradient[o] += VectorMath.sum(dOut + o * g.cols, g.cols)
                }
            }
            guard propagatesGradient else { continue }
            let dIn = inputGradient.data + item * input.itemCount
            if flipped {
                flippedKernelInputGradient(dOut, into: dIn, geometry: g)
                continue
            }
            gemm(
                m: g.rows, n: g.cols, k: outChannels, a: weight.value.data, aRowStride: 1,
                aColumnStride: g.rows, b: dOut, ldb: g.cols,
                c: g.isPointwise ? dIn : columns.data, ldc: g.cols)
            if !g.isPointwise {
                dIn.update(repeating: 0, count: input.itemCount)
                g.col2im(columns.data, addingInto: dIn)
            }
        }
        VectorMath.transpose(
            transposedWeightGradient.data, rows: g.rows, columns: outChannels,
            into: weight.gradient.data)
        return inputGradient
    }

    /// The im2col matrix of one CHW image: the image itself for a pointwise conv, else written
    /// into `columns`.
    private func columnMatrix(
        of image: UnsafeMutablePointer<Float>, geometry g: ConvGeometry
    ) -> UnsafePointer<Float> {
        guard !g.isPointwise else { return UnsafePointer(image) }
        g.im2col(image, into: columns.data)
        return UnsafePointer(columns.data)
    }

    /// ``GEMMKernel/multiply(m:n:k:a:aRowStride:aColumnStride:b:ldb:accumulate:c:ldc:)`` with
    /// ``gemmKernel``, tallied into ``gemmTally`` when it is set.
    func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int = 1,
        b: UnsafePointer<Float>, ldb: Int, accumulate: Bool = false,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let kernel = gemmKernel
        let call = {
            kernel.multiply(
                m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColumnStride: aColumnStride,
                b: b, ldb: ldb, accumulate: accumulate, c: c, ldc: ldc)
        }
        if gemmTally == nil { call() } else { gemmTally!.time(m: m, n: n, k: k, call) }
    }
}
