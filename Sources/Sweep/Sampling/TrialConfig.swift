import Trainer

/// One point of the search space: the swept hyperparameters and the remedies.
public struct TrialParameters: Codable, Sendable, Hashable {
    public var lr: Double
    public var weightDecay: Double
    public var batchSize: Int
    public var loss: LossKind
    /// Focal-loss γ when searched and active; nil leaves the trainer's value.
    public var focalGamma: Double?
    /// Focal-loss α when searched and active; nil leaves the trainer's value.
    public var focalAlpha: Double?
    public var remedies: RemedyParameters
    /// A command trainer's own parameters (``Hyperparameter/program(_:)``), by name; empty
    /// for the embedded trainer.
    public var programValues: [String: ParameterValue] = [:]

    public init(
        lr: Double, weightDecay: Double, batchSize: Int, loss: LossKind,
        remedies: RemedyParameters = RemedyParameters()
    ) {
        self.lr = lr
        self.weightDecay = weightDecay
        self.batchSize = batchSize
        self.loss = loss
        self.remedies = remedies
    }

    enum CodingKeys: String, CodingKey {
        case lr
        case weightDecay = "weight_decay"
        case batchSize = "batch_size"
        case loss
        case focalGamma = "focal_gamma"
        case focalAlpha = "focal_alpha"
        case remedies
        case programValues = "program"
    }

    /// Trials stored before the remedies existed read with the default remedies.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lr = try c.decode(Double.self, forKey: .lr)
        weightDecay = try c.decode(Double.self, forKey: .weightDecay)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        loss = try c.decode(LossKind.self, forKey: .loss)
        focalGamma = try c.decodeIfPresent(Double.self, forKey: .focalGamma)
        focalAlpha = try c.decodeIfPresent(Double.self, forKey: .focalAlpha)
        remedies =
            try c.decodeIfPresent(RemedyParameters.self, forKey: .remedies) ?? RemedyParameters()
        programValues =
            try c.decodeIfPresent([String: ParameterValue].self, forKey: .programValues) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lr, forKey: .lr)
        try c.encode(weightDecay, forKey: .weightDecay)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(loss, forKey: .loss)
        try c.encodeIfPresent(focalGamma, forKey: .focalGamma)
        try c.encodeIfPresent(focalAlpha, forKey: .focalAlpha)
        try c.encode(remedies, forKey: .remedies)
        if !programValues.isEmpty { try c.encode(programValues, forKey: .programValues) }
    }
}

/// A planned trial: its place in the plan, its stable identity, and the full training config.
public struct TrialConfig: Codable, Sendable, Equatable {
    /// Position in the sweep's plan (0-based); trials run in this order.
    public var index: Int
    /// Stable identity: a hash of sweep name + parameters + seed, so re-planning never duplicates.
    public var key: String
    public var parameters: TrialParameters
    public var seed: UInt64
    public var training: TrainingConfig

    public init(
        index: Int, key: String, parameters: TrialParameters, seed: UInt64,
        training: TrainingConfig
    ) {
        self.index = index
        self.key = key
        self.parameters = parameters
        self.seed = seed
        self.training = training
    }
}
