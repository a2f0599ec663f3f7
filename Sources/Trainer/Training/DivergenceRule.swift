/// Flags a loss that explodes without becoming NaN or infinite, in the spirit of PyTorch
/// Lightning's `divergence_threshold`, so such a trial ends as `diverged` instead of burning its
/// remaining epochs.
///
/// The reference is the lowest loss seen so far: the first batch's loss (the untrained model,
/// before any update) and every finished epoch's mean loss. At the end of each epoch, a mean
/// loss above `factor` × that reference is a divergence. Healthy runs' epoch losses fall below
/// the first batch's loss; warm-up may lift an early epoch a little, far less than the factor.
public struct DivergenceRule: Sendable {
    /// The factor used unless a config sets `diverge_factor`.
    public static let defaultFactor = 10.0

    public let factor: Double
    /// The lowest loss so far and where it was seen (`first batch`, `epoch 2`).
    public private(set) var lowest: (loss: Double, source: String)?

    public init(factor: Double) {
        self.factor = factor
    }

    /// Records the first batch's loss, the reference before any epoch ends.
    public mutating func recordFirstBatch(loss: Double) {
        lower(to: loss, source: "first batch")
    }

    /// Checks the mean loss of `epoch` and records it; returns the reason when it diverged.
    public mutating func check(epoch: Int, meanLoss: Double) -> String? {
        if let lowest, meanLoss > factor * lowest.loss {
            return "epoch \(epoch) mean loss \(meanLoss) exceeds diverge_factor \(factor) × "
                + "the lowest loss so far, \(lowest.loss) (\(lowest.source))"
        }
        lower(to: meanLoss, source: "epoch \(epoch)")
        return nil
    }

    private mutating func lower(to loss: Double, source: String) {
        if lowest.map({ loss < $0.loss }) ?? true {
            lowest = (loss, source)
        }
    }
}
