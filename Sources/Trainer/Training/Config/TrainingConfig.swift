/// Everything one training run needs: the swept hyperparameters, the fixed ones, and the data.
///
/// Coded with the project's snake_case names (`lr`, `weight_decay`, `batch_size`, `loss`, …) so the
/// same JSON/YAML travels between the sweep orchestrator, the worker process and `train --config`.
public struct TrainingConfig: Codable, Sendable, Equatable {
    public var lr: Double
    public var weightDecay: Double
    public var batchSize: Int
    public var loss: LossKind
    public var epochs: Int
    public var seed: UInt64
    public var momentum: Double
    /// Linear warm-up length in epochs (may be fractional); cosine decay follows.
    public var warmupEpochs: Double
    public var focalAlpha: Double
    public var focalGamma: Double
    /// An epoch whose mean loss exceeds this factor times the lowest loss so far ends the run as
    /// diverged (see ``DivergenceRule``).
    public var divergeFactor: Double
    /// The attention block after the later backbone stages (`none`, `se`, `cbam`).
    public var attention: AttentionKind
    /// Training-split augmentation, named as in Ultralytics: the probability of a 4-image
    /// mosaic, the scale gain (`1 ± scale`), the translation (fraction of the side), HSV gains
    /// (hue as a fraction of a turn), the probability of a horizontal flip and the probability
    /// of pasting copies of an image's small objects (see ``Augmentation``).
    public var mosaic: Double
    public var scale: Double
    public var translate: Double
    public var hsvH: Double
    public var hsvS: Double
    public var hsvV: Double
    public var fliplr: Double
    public var copyPaste: Double
    public var data: DataSource

    public init(
        lr: Double = 0.01,
        weightDecay: Double = 0.0005,
        batchSize: Int = 32,
        loss: LossKind = .focal,
        epochs: Int = 10,
        seed: UInt64 = 0,
        momentum: Double = 0.9,
        warmupEpochs: Double = 1,
        focalAlpha: Double = 0.25,
        focalGamma: Double = 2,
        divergeFactor: Double = DivergenceRule.defaultFactor,
        attention: AttentionKind = .none,
        mosaic: Double = 0, scale: Double = 0, translate: Double = 0,
        hsvH: Double = 0, hsvS: Double = 0, hsvV: Double = 0,
        fliplr: Double = 0.5, copyPaste: Double = 0,
        data: DataSource = .synthetic(SyntheticDatasetOptions())
    ) {
        self.lr = lr
        self.weightDecay = weightDecay
        self.batchSize = batchSize
        self.loss = loss
        self.epochs = epochs
        self.seed = seed
        self.momentum = momentum
        self.warmupEpochs = warmupEpochs
        self.focalAlpha = focalAlpha
        self.focalGamma = focalGamma
        self.divergeFactor = divergeFactor
        self.attention = attention
        self.mosaic = mosaic
        self.scale = scale
        self.translate = translate
        self.hsvH = hsvH
        self.hsvS = hsvS
        self.hsvV = hsvV
        self.fliplr = fliplr
        self.copyPaste = copyPaste
        self.data = data
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lr
        case weightDecay = "weight_decay"
        case batchSize = "batch_size"
        case loss, epochs, seed, momentum
        case warmupEpochs = "warmup_epochs"
        case focalAlpha = "focal_alpha"
        case focalGamma = "focal_gamma"
        case divergeFactor = "diverge_factor"
        case attention, mosaic, scale, translate
        case hsvH = "hsv_h"
        case hsvS = "hsv_s"
        case hsvV = "hsv_v"
        case fliplr
        case copyPaste = "copy_paste"
        case data
    }

    public init(from decoder: any Decoder) throws {
        let defaults = TrainingConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lr = try c.decodeIfPresent(Double.self, forKey: .lr) ?? defaults.lr
        weightDecay =
            try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? defaults.weightDecay
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? defaults.batchSize
        loss = try c.decodeIfPresent(LossKind.self, forKey: .loss) ?? defaults.loss
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? defaults.epochs
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? defaults.momentum
        warmupEpochs =
            try c.decodeIfPresent(Double.self, forKey: .warmupEpochs) ?? defaults.warmupEpochs
        focalAlpha = try c.decodeIfPresent(Double.self, forKey: .focalAlpha) ?? defaults.focalAlpha
        focalGamma = try c.decodeIfPresent(Double.self, forKey: .focalGamma) ?? defaults.focalGamma
        divergeFactor =
            try c.decodeIfPresent(Double.self, forKey: .divergeFactor) ?? defaults.divergeFactor
        attention =
            try c.decodeIfPresent(AttentionKind.self, forKey: .attention) ?? defaults.attention
        mosaic = try c.decodeIfPresent(Double.self, forKey: .mosaic) ?? defaults.mosaic
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? defaults.scale
        translate = try c.decodeIfPresent(Double.self, forKey: .translate) ?? defaults.translate
        hsvH = try c.decodeIfPresent(Double.self, forKey: .hsvH) ?? defaults.hsvH
        hsvS = try c.decodeIfPresent(Double.self, forKey: .hsvS) ?? defaults.hsvS
        hsvV = try c.decodeIfPresent(Double.self, forKey: .hsvV) ?? defaults.hsvV
        fliplr = try c.decodeIfPresent(Double.self, forKey: .fliplr) ?? defaults.fliplr
        copyPaste = try c.decodeIfPresent(Double.self, forKey: .copyPaste) ?? defaults.copyPaste
        data = try c.decodeIfPresent(DataSource.self, forKey: .data) ?? defaults.data
    }
}
