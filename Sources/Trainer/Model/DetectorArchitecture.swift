/// The shape of the detector's backbone: a stack of conv3×3 → BatchNorm → SiLU stages, then a
/// 1×1 head. The product of the stage strides is the output stride (4 for ``standard``).
public struct DetectorArchitecture: Sendable, Equatable {
    /// One conv3×3 + BN + SiLU stage.
    public struct Stage: Sendable, Equatable {
        public var channels: Int
        public var stride: Int

        public init(channels: Int, stride: Int) {
            self.channels = channels
            self.stride = stride
        }
    }

    public var stages: [Stage]

    public init(stages: [Stage]) {
        precondition(!stages.isEmpty, "DetectorArchitecture: no stages")
        self.stages = stages
    }

    /// The output stride: the product of the stage strides.
    public var stride: Int { stages.reduce(1) { $0 * $1.stride } }

    /// Stride 4 at 32 → 64 channels: a 128² image gives a 32² grid of 4-pixel cells.
    public static let standard = DetectorArchitecture(stages: [
        Stage(channels: 16, stride: 2),
        Stage(channels: 32, stride: 2),
        Stage(channels: 48, stride: 1),
        Stage(channels: 48, stride: 1),
        Stage(channels: 64, stride: 1),
    ])
}
