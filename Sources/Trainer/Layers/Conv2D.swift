/// A 2-D convolution (cross-correlation, as in PyTorch) computed per image as one GEMM over the
/// im2col matrix (``gemmKernel``); the backward pass uses two more GEMMs (weight gradient, column
/// gradient) and col2im. The weight gradient is summed as `columns · dOutᵀ`, transposed, so that
/// its long dimension (the pixels) is the GEMM's depth. A 1×1 stride-1 convolution reads the
/// image directly; a stride-1 "same" convolution computes its input gradient as a convolution
/// with the flipped kernel (`Conv2D+FlippedKernel.swift`) instead of col2im. With the small
/// kernels the GEMMs read the zero-padded image in place of an im2col matrix where they can
/// (`Conv2D+InPlaceColumns.swift`); elsewhere the matrix is built a block of output rows at a
/// time (``columnBlockFloats``).
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
    /// The most values one block of the column matrix holds: 64 Ki floats (256 KiB) stay in L2
    /// between im2col writing them and the GEMM reading them; a whole image's matrix (up to
    /// 4.7 MB in R1) went to L3 and back.
    var columnBlockFloats = 65_536

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
    /// One image inside a zero border (``inPlaceColumns(_:)``): the input, then the output
    /// gradient of the flipped-kernel input gradient.
    let paddedImage = Tensor(0, 0, 0, 0)
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
        reserveColumns(g)
        let blocks = columnBlocks(g)
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let out = output.data + item * output.itemCount
            if let set = inPlaceColumns(g) {
                multiplyInPlace(
                    set, m: outChannels, a: weight.value.data, image: image, geometry: g,
                    padded: paddedImage, c: out)
            } else {
                for rows in blocks {
                    let (cols, ldb) = columnMatrix(of: image, geometry: g, outputRows: rows)
                    gemm(
                        m: outChannels, n: rows.count * g.outWidth, k: g.rows,
                        a: weight.value.data, aRowStride: g.rows, b: cols, ldb: ldb,
                        c: out + rows.lowerBound * g.outWidth, ldc: g.cols)
                }
            }
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
        reserveColumns(g)
        if flipped {
            reserveColumns(flippedGeometry(g))
            prepareFlippedWeight()
        }
        let blocks = columnBlocks(g)
        transposedOutputGradient.reshape(1, 1, g.cols, outChannels)
        transposedWeightGradient.reshape(1, 1, g.rows, outChannels)
        if let bias { bias.gradient.fill(0) }
        if activation == .silu {
            preActivationGradient.reshape(1, outChannels, g.outHeight, g.outWidth)
        }
        for item in 0..<input.n {
            let image = input.data + item * input.itemCount
            let dOut = UnsafePointer(preActivation(outputGradient, item: item))
            VectorMath.transpose(
                dOut, rows: outChannels, columns: g.cols, into: transposedOutputGradient.data,
                using: gemmKernel)
            if let set = inPlaceWeightGradient(g) {
                multiplyWeightGradientInPlace(
                    set, image: image, geometry: g, padded: paddedImage,
                    b: transposedOutputGradient.data, accumulate: item > 0,
                    c: transposedWeightGradient.data)
            } else {
                for rows in blocks {
                    let (cols, ldb) = columnMatrix(of: image, geometry: g, outputRows: rows)
                    let start = rows.lowerBound * g.outWidth
                    gemm(
                        m: g.rows, n: outChannels, k: rows.count * g.outWidth, a: cols,
                        aRowStride: ldb, b: transposedOutputGradient.data + start * outChannels,
                        ldb: outChannels, accumulate: item > 0 || start > 0,
                        c: transposedWeightGradient.data, ldc: outChannels)
                }
            }
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
            if !g.isPointwise { dIn.update(repeating: 0, count: input.itemCount) }
            for rows in blocks {
                let start = rows.lowerBound * g.outWidth
                let count = rows.count * g.outWidth
                gemm(
                    m: g.rows, n: count, k: outChannels, a: weight.value.data, aRowStride: 1,
                    aColumnStride: g.rows, b: dOut + start, ldb: g.cols,
                    c: g.isPointwise ? dIn + start : columns.data,
                    ldc: g.isPointwise ? g.cols : count)
                if !g.isPointwise {
                    g.col2im(columns.data, addingInto: dIn, outputRows: rows, using: gemmKernel)
                }
            }
        }
        VectorMath.transpose(
            transposedWeightGradient.data, rows: g.rows, columns: outChannels,
            into: weight.gradient.data, using: gemmKernel)
        return inputGradient
    }

    /// The blocks of output rows the GEMMs of `g` take one at a time: all rows for a pointwise
    /// conv (which reads its input directly), else blocks whose column matrix stays in cache.
    func columnBlocks(_ g: ConvGeometry) -> [Range<Int>] {
        g.isPointwise ? [0..<g.outHeight] : g.outputRowBlocks(floats: columnBlockFloats)
    }

    /// Grows ``columns`` to hold one block of `g`'s column matrix.
    func reserveColumns(_ g: ConvGeometry) {
        guard !g.isPointwise else { return }
        let needed = max(columnBlockFloats, g.rows * g.outWidth)
        if columns.count < needed { columns.reshape(1, 1, 1, needed) }
    }

    /// The im2col matrix of the output rows `outputRows` of one CHW image, and its row length:
    /// the image itself for a pointwise conv, else written into ``columns``.
    private func columnMatrix(
        of image: UnsafeMutablePointer<Float>, geometry g: ConvGeometry, outputRows: Range<Int>
    ) -> (UnsafePointer<Float>, Int) {
        guard !g.isPointwise else {
            return (UnsafePointer(image + outputRows.lowerBound * g.outWidth), g.cols)
        }
        g.im2col(image, into: columns.data, outputRows: outputRows, using: gemmKernel)
        return (UnsafePointer(columns.data), outputRows.count * g.outWidth)
    }

    /// ``GEMMKernel/multiply(m:n:k:a:aRowStride:aColumnStride:b:ldb:accumulate:c:ldc:)`` with
    /// ``gemmKernel``, tallied into ``gemmTally`` when it is set.
    func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int = 1,
        b: UnsafePointer<Float>, ldb: Int, accumulate: Bool = false,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let kernel = gemmKernel
        tallied(m: m, n: n, k: k) {
            kernel.multiply(
                m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColumnStride: aColumnStride,
                b: b, ldb: ldb, accumulate: accumulate, c: c, ldc: ldc)
        }
    }

    /// Runs `body`, one `m × n × k` GEMM, tallied into ``gemmTally`` when it is set.
    func tallied(m: Int, n: Int, k: Int, _ body: () -> Void) {
        if gemmTally == nil { body() } else { gemmTally!.time(m: m, n: n, k: k, body) }
    }
}
