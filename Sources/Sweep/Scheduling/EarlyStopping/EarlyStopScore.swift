import Foundation

/// How both early-stopping rules read a reported value.
///
/// Values are `ap_small` in [0, 1], higher is better. The evaluator writes -1 when the metric is
/// undefined (no small objects to score); that, any other negative value and NaN all count as
/// -1, the worst value, which no real result is below.
enum EarlyStopScore {
    static let undefined = -1.0

    /// `value`, or -1 when it is undefined.
    static func normalized(_ value: Double) -> Double {
        value.isNaN || value < 0 ? undefined : value
    }

    /// A normalized value as reasons print it.
    static func text(_ value: Double) -> String {
        value < 0 ? "undefined (-1)" : String(format: "%.4f", value)
    }
}
