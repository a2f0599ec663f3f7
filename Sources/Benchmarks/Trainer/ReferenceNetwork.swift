import Trainer

/// Fixed networks for benchmarks that compare this trainer's layers with other frameworks.
public enum ReferenceNetwork {
    /// Channels of R1's output: 4 focal-loss logits, then 4 L1 box channels.
    public static let r1OutputChannels = 8
    /// The side of the square input images `bench trainer` and `bench/pytorch_r1.py` use.
    public static let r1InputSize = 128

    /// R1: conv3×3 3→16 s1, SiLU, conv3×3 16→32 s2, SiLU, conv3×3 32→32 s1, SiLU,
    /// conv3×3 32→64 s2, SiLU, conv3×3 64→64 s1, SiLU, conv1×1 64→8; padding 1 on the 3×3
    /// convolutions, biases, no BatchNorm. Input `[N, 3, H, W]`, output `[N, 8, H/4, W/4]`
    /// (`bench/pytorch_r1.py` builds the same network in PyTorch). The first convolution
    /// computes no input gradient (as PyTorch for an input that does not require one).
    /// With `fusesSiLU` each SiLU is applied inside its convolution (``ConvActivation/silu``)
    /// instead of as a separate ``SiLU`` layer: the same function, computed faster.
    public static func r1(seed: UInt64, fusesSiLU: Bool = false) -> Sequential {
        let shapes = [(3, 16, 1), (16, 32, 2), (32, 32, 1), (32, 64, 2), (64, 64, 1)]
        var layers: [any Layer] = []
        for (index, (input, output, stride)) in shapes.enumerated() {
            let conv = Conv2D(
                input, output, kernel: 3, stride: stride,
                activation: fusesSiLU ? .silu : .identity, seed: seed &+ UInt64(index))
            conv.propagatesGradient = index > 0
            layers += fusesSiLU ? [conv] : [conv, SiLU()]
        }
        layers.append(
            Conv2D(64, r1OutputChannels, kernel: 1, seed: seed &+ UInt64(shapes.count)))
        return Sequential(layers)
    }

    /// The convolutions of `network`, in layer order.
    public static func convolutions(of network: Sequential) -> [Conv2D] {
        network.layers.compactMap { $0 as? Conv2D }
    }
}
