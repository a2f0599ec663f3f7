/// Fixed networks for benchmarks that compare this trainer's layers with other frameworks.
public enum ReferenceNetwork {
    /// R1: conv3×3 3→16 s1, SiLU, conv3×3 16→32 s2, SiLU, conv3×3 32→32 s1, SiLU,
    /// conv3×3 32→64 s2, SiLU, conv3×3 64→64 s1, SiLU, conv1×1 64→8; padding 1 on the 3×3
    /// convolutions, biases, no BatchNorm. Input `[N, 3, H, W]`, output `[N, 8, H/4, W/4]`.
    /// The first convolution computes no input gradient (as PyTorch for an input that does not
    /// require one).
    public static func r1(seed: UInt64) -> Sequential {
        let shapes = [(3, 16, 1), (16, 32, 2), (32, 32, 1), (32, 64, 2), (64, 64, 1)]
        var layers: [any Layer] = []
        for (index, (input, output, stride)) in shapes.enumerated() {
            let conv = Conv2D(
                input, output, kernel: 3, stride: stride, seed: seed &+ UInt64(index))
            conv.propagatesGradient = index > 0
            layers += [conv, SiLU()]
        }
        layers.append(Conv2D(64, 8, kernel: 1, seed: seed &+ UInt64(shapes.count)))
        return Sequential(layers)
    }
}
