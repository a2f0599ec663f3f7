/// How a training run ended.
public enum TrainingStatus: String, Codable, Sendable {
    case completed
    /// The loss became NaN or infinite, or exploded (``DivergenceRule``); the run stopped at
    /// that point.
    case diverged
    /// Something other than the loss went wrong (an evaluation failed); `reason` says what.
    case failed
}

/// Progress after one epoch: mean training loss and the validation metrics.
public struct EpochReport: Codable, Sendable, Equatable {
    public var epoch: Int
    public var loss: Double
    public var metrics: DetectionMetrics
    public var seconds: Double

    public init(epoch: Int, loss: Double, metrics: DetectionMetrics, seconds: Double) {
        self.epoch = epoch
        self.loss = loss
        self.metrics = metrics
        self.seconds = seconds
    }
}

/// The outcome of a training run. `metrics` is nil when the run diverged before any evaluation.
public struct TrainingResult: Codable, Sendable, Equatable {
    public var status: TrainingStatus
    public var epochs: Int
    public var metrics: DetectionMetrics?
    public var seconds: Double
    public var imagesPerSecond: Double
    /// Why the run stopped early (divergence or failure detail), for the user.
    public var reason: String?

    public init(
        status: TrainingStatus, epochs: Int, metrics: DetectionMetrics?, seconds: Double,
        imagesPerSecond: Double, reason: String? = nil
    ) {
        self.status = status
        self.epochs = epochs
        self.metrics = metrics
        self.seconds = seconds
        self.imagesPerSecond = imagesPerSecond
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case status, epochs, metrics, seconds
        case imagesPerSecond = "images_per_second"
        case reason
    }
}

/// What a running training loop reports, in order: zero or more `.epoch`, then exactly one
/// `.finished`.
public enum TrainingEvent: Sendable, Equatable {
    case epoch(EpochReport)
    case finished(TrainingResult)
}
