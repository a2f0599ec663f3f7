import Foundation

/// How both early-stopping rules read a reported value.
///
/// A value becomes its objective's score (``Objective/score(_:)``: higher is better, a minimised
/// metric negated). An undefined value counts as the worst score: -1 for an AP or AR metric (the
/// evaluator writes -1 when, e.g., there are no small objects to score; no real result is below
/// it), -infinity for a metric the program reports itself (NaN, infinite or missing).
enum EarlyStopScore {
    /// The score of an undefined AP or AR value.
    static let undefined = -1.0

    /// `value`'s score under `objective`, or the worst score when it is undefined.
    static func normalized(_ value: Double, _ objective: Objective) -> Double {
        objective.score(value) ?? (objective.detectionMetric == nil ? -.infinity : undefined)
    }

    /// A normalized score as reasons print it, as the value it came from: 4 decimals, or 3
    /// significant digits below 0.001 (untrained trials differ there, and "0.0000 below 0.0000"
    /// would explain nothing).
    static func text(_ score: Double, _ objective: Objective) -> String {
        if score == -.infinity { return "undefined" }
        if objective.detectionMetric != nil, score < 0 { return "undefined (-1)" }
        let value = objective.oriented(score)
        let magnitude = abs(value)
        return String(format: magnitude == 0 || magnitude >= 0.001 ? "%.4f" : "%.2e", value)
    }

    /// How reasons say a value is worse than another: "below", or "above" when minimised.
    static func worse(_ objective: Objective) -> String {
        objective.goal == .maximize ? "below" : "above"
    }
}
