import Foundation

/// Linear warm-up from near zero to `peak` over `warmupSteps`, then cosine decay to zero at
/// `totalSteps` (SGDR without restarts). Steps count from 0; step `i` uses
/// `peak · (i + 1) / warmupSteps` during warm-up and
/// `peak · ½(1 + cos(π · (i − warmupSteps) / (totalSteps − warmupSteps)))` after it.
public struct LearningRateSchedule: Sendable, Equatable {
    public var peak: Double
    public var warmupSteps: Int
    public var totalSteps: Int

    public init(peak: Double, warmupSteps: Int, totalSteps: Int) {
        precondition(warmupSteps >= 0 && totalSteps >= 0, "LearningRateSchedule: negative steps")
        self.peak = peak
        self.warmupSteps = min(warmupSteps, totalSteps)
        self.totalSteps = totalSteps
    }

    /// The schedule for `epochs` epochs of `stepsPerEpoch` steps with a (fractional) warm-up of
    /// `warmupEpochs` epochs, rounded to whole steps.
    public init(peak: Double, warmupEpochs: Double, epochs: Int, stepsPerEpoch: Int) {
        self.init(
            peak: peak, warmupSteps: Int((warmupEpochs * Double(stepsPerEpoch)).rounded()),
            totalSteps: epochs * stepsPerEpoch)
    }

    /// The learning rate of step `step`.
    public func rate(at step: Int) -> Double {
        if step < warmupSteps {
            return peak * Double(step + 1) / Double(warmupSteps)
        }
        let decaySteps = totalSteps - warmupSteps
        guard decaySteps > 0 else { return peak }
        let progress = min(1, Double(step - warmupSteps) / Double(decaySteps))
        return peak * 0.5 * (1 + cos(Double.pi * progress))
    }
}
