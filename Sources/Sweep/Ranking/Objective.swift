import Trainer

/// What a sweep ranks its trials by: a metric and whether higher or lower is better.
///
/// The metric is one of the ``DetectionMetric`` names, or a name a command trainer reports on
/// its own (`val_loss`, stored in ``DetectionMetrics/reported``). Everything that compares trials
/// (the ranking, the samplers, early stopping, best-so-far figures) compares ``score(_:)``, which
/// is higher for better values whatever the goal; everything that shows a value shows it as
/// reported.
public struct Objective: Sendable, Hashable, CustomStringConvertible {
    /// Whether the sweep looks for the highest or the lowest value.
    public enum Goal: String, Sendable, CaseIterable {
        case maximize, minimize

        /// `value` oriented so that higher is better: the value itself when maximised, its
        /// negation when minimised. Its own inverse: it also turns a score back into the value.
        public func oriented(_ value: Double) -> Double {
            self == .maximize ? value : -value
        }

        /// How summaries say it: "maximised", "minimised".
        public var participle: String {
            switch self {
            case .maximize: "maximised"
            case .minimize: "minimised"
            }
        }
    }

    /// The metric's name: a ``DetectionMetric`` name or a reported metric's.
    public var name: String
    public var goal: Goal

    public init(name: String, goal: Goal = .maximize) {
        self.name = name
        self.goal = goal
    }

    public init(_ metric: DetectionMetric, goal: Goal = .maximize) {
        self.init(name: metric.name, goal: goal)
    }

    /// `ap_small`, maximised: the objective of a sweep file that names none.
    public static let `default` = Objective(.apSmall)

    /// The detection metric this is, nil for a reported metric.
    public var detectionMetric: DetectionMetric? { DetectionMetric(rawValue: name) }

    public var description: String { "\(name) (\(goal.participle))" }

    /// How views name it: the name, with "(minimised)" when it is.
    public var label: String { goal == .maximize ? name : description }

    /// The metric's value in `metrics`, as reported: NaN when a reported metric is missing.
    public func value(in metrics: DetectionMetrics) -> Double {
        if let metric = detectionMetric { return metrics[metric] }
        return metrics.reported[name] ?? .nan
    }

    /// Whether `value` is a result: a detection metric ≥ 0 (pycocotools writes -1 for "no ground
    /// truth in that range"), any finite number for a reported metric.
    public func isDefined(_ value: Double) -> Bool {
        detectionMetric == nil ? value.isFinite : Ranking.isDefined(value)
    }

    /// This objective's value in `metrics` when it is defined; nil otherwise, so reports and fits
    /// leave the trial out.
    public func objectiveValue(_ metrics: DetectionMetrics) -> Double? {
        let value = value(in: metrics)
        return isDefined(value) ? value : nil
    }

    /// `value` oriented by the goal (``Goal/oriented(_:)``).
    public func oriented(_ value: Double) -> Double {
        goal.oriented(value)
    }

    /// `value` oriented (``oriented(_:)``) when it is defined; nil otherwise.
    public func score(_ value: Double) -> Double? {
        isDefined(value) ? oriented(value) : nil
    }

    /// Whether `value` is strictly better than `other`; a defined value beats an undefined one.
    public func isBetter(_ value: Double, than other: Double) -> Bool {
        switch (score(value), score(other)) {
        case (let a?, let b?): a > b
        case (.some, nil): true
        case (nil, _): false
        }
    }
}

extension DetectionMetrics {
    /// The value of `objective`'s metric, as reported (see ``Objective/value(in:)``).
    public subscript(objective: Objective) -> Double {
        objective.value(in: self)
    }
}
