import Foundation

/// How both early-stopping rules read a reported value.
///
/// Values are the objective metric (`ap_small` by default) in [0, 1], higher is better. The
/// evaluator writes -1 when the metric is undefined (e.g. no small objects to score); that, any
/// other negative value and NaN all count as -1, the worst value, which no real result is below.
enum EarlyStopScore {
    static let undefined = -1.0

    /// `value`, or -1 when it is undefined.
    static func normalized(_ value: Double) -> Double {
        value.isNaN || value < 0 ? undefined : value
    }

    /// A normalized value as reasons print it: 4 decimals, or 3 significant digits below 0.001
    /// (untrained trials differ there, and "0.0000 below 0.0000" would explain nothing).
    static func text(_ value: Double) -> String {
        if value < 0 { return "undefined (-1)" }
        return String(format: value == 0 || value >= 0.001 ? "%.4f" : "%.2e", value)
    }
}
