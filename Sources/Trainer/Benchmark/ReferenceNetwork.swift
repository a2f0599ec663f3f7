/// The networks `sweep-cli bench trainer` trains, built from the trainer's public layers.
///
/// ``r1(seed:)`` is the reference network R1 that `bench/pytorch_r1.py` builds in PyTorch, so
/// the two trainers can be compared on the same work: NCHW float32, input `3 × 128 × 128`,
/// conv3×3 3→16 s1, SiLU; conv3×3 16→32 s2, SiLU; conv3×3 32→32 s1, SiLU; conv3×3 32→64 s2,
/// SiLU; conv3×3 64→64 s1, SiLU; conv1×1 64→8 — output `8 × 32 × 32`. Every conv has a bias;
/// each SiLU is fused into its convolution (``ConvActivation/silu``).
public enum ReferenceNetwork {
    /// Channels of R1's output: 4 focal-loss logits, then 4 L1 box channels.
    public static let r1OutputChannels = 8
    /// The side of R1's square input images.
    public static let r1InputSize = 128

    /// A freshly initialised R1 (He-uniform weights, zero biases, seeded).
    public static func r1(seed: UInt64) -> Sequential {
        var rng = DatasetRNG(seed: seed, stream: 0x0F1)
        let stages: [(inChannels: Int, outChannels: Int, stride: Int)] = [
            (3, 16, 1), (16, 32, 2), (32, 32, 1), (32, 64, 2), (64, 64, 1),
        ]
        var layers: [any Layer] = []
        for stage in stages {
            let conv = Conv2D(
                stage.inChannels, stage.outChannels, kernel: 3, stride: stage.stride,
                activation: .silu, rng: &rng)
            conv.propagatesGradient = !layers.isEmpty
            layers.append(conv)
        }
        layers.append(Conv2D(64, r1OutputChannels, kernel: 1, rng: &rng))
        return Sequential(layers)
    }

    /// The convolutions of `network`, in layer order.
    public static func convolutions(of network: Sequential) -> [Conv2D] {
        network.layers.compactMap { $0 as? Conv2D }
    }
}
