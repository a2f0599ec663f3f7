import Foundation

/// The embedded CenterNet-style detector: a fully convolutional backbone at output stride 4
/// and a 1×1 head with, per cell, `classCount` heatmap logits followed by four box channels
/// `(dx, dy, log w, log h)` (centre offset inside the cell and size, in cells).
///
/// Input `[N, 3, H, W]` (RGB in 0…1), output `[N, classCount + 4, H/4, W/4]` for the standard
/// architecture. Initialisation is seeded; the heatmap bias starts at `−log((1 − π)/π)` for a
/// prior `π = 0.1` (RetinaNet/CenterNet) so early losses are not dominated by the background.
/// With an ``AttentionKind`` other than `none`, an attention block follows every stage at the
/// output resolution (initialised from a stream of its own, so the backbone starts the same).
public final class Detector {
    public let classCount: Int
    public let architecture: DetectorArchitecture
    public let attention: AttentionKind
    /// Backbone stages followed by the head; usable directly as one ``Layer``.
    public let network: Sequential
    /// The 1×1 output convolution.
    public let head: Conv2D

    public init(
        classCount: Int, architecture: DetectorArchitecture = .standard,
        attention: AttentionKind = .none, seed: UInt64
    ) {
        precondition(classCount > 0, "Detector: classCount must be positive")
        self.classCount = classCount
        self.architecture = architecture
        self.attention = attention
        var rng = SplitMix64(seed: seed, stream: 0x5EED)
        var attentionRNG = SplitMix64(seed: seed, stream: 0xA77E)
        var layers: [any Layer] = []
        var channels = 3
        var reached = 1
        for stage in architecture.stages {
            let conv = Conv2D(
                channels, stage.channels, kernel: 3, stride: stage.stride, bias: false, rng: &rng)
            conv.propagatesGradient = !layers.isEmpty
            layers += [conv, BatchNorm2D(stage.channels), SiLU()]
            channels = stage.channels
            reached *= stage.stride
            guard reached == architecture.stride else { continue }
            switch attention {
            case .none: break
            case .se: layers.append(SqueezeExcitation(channels: channels, rng: &attentionRNG))
            case .cbam: layers.append(CBAM(channels: channels, rng: &attentionRNG))
            }
        }
        head = Conv2D(channels, classCount + 4, kernel: 1, bias: true, gain: 0.1, rng: &rng)
        let prior: Float = 0.1
        for ch in 0..<classCount { head.bias?.value[ch] = -log((1 - prior) / prior) }
        layers.append(head)
        network = Sequential(layers)
    }

    /// The output stride in pixels.
    public var stride: Int { architecture.stride }

    /// All trainable parameters, in layer order.
    public var parameters: [Parameter] { network.parameters }

    /// Runs the network; the returned tensor is owned by the head and valid until the next call.
    public func forward(_ images: Tensor, training: Bool) -> Tensor {
        network.forward(images, training: training)
    }

    /// Back-propagates the loss gradient with respect to the last output into the parameters.
    public func backward(_ outputGradient: Tensor) {
        _ = network.backward(outputGradient)
    }
}
