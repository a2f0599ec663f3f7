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
        data = try c.decodeIfPresent(DataSource.self, forKey: .data) ?? defaults.data
    }
}
