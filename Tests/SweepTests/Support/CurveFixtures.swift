@testable import Sweep

/// Synthetic learning curves for the replay and benchmark tests.
enum CurveFixtures {
    /// A curve with plan index `index` and key `t<index>`.
    static func curve(
        _ index: Int, _ values: [Double], plannedEpochs: Int? = nil,
        state: TrialState = .completed
    ) -> LearningCurve {
        LearningCurve(
            index: index, key: "t\(index)",
            parameters: TrialParameters(lr: 0.01, weightDecay: 0.0005, batchSize: 16, loss: .focal),
            plannedEpochs: plannedEpochs ?? values.count, state: state, values: values)
    }

    /// Completed curves of `epochs` epochs rising linearly to each final value, in plan order.
    static func rising(to finals: [Double], epochs: Int = 9) -> [LearningCurve] {
        finals.enumerated().map { index, final in
            curve(index, (1...epochs).map { final * Double($0) / Double(epochs) })
        }
    }
}
