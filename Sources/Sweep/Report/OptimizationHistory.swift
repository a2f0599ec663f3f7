import Foundation

/// Each trial's objective and the best so far, in plan order and in the order trials ended.
public struct OptimizationHistory: Sendable, Equatable {
    /// One step of the history.
    public struct Step: Sendable, Equatable {
        public var trial: Int
        /// Seconds from the sweep's creation to the trial's end (nil when not recorded).
        public var elapsed: Double?
        public var objective: Double
        /// The best objective among this step and the ones before it.
        public var best: Double
    }

    /// By plan index.
    public var byTrial: [Step]
    /// By end time (trials without one last, by plan index).
    public var byTime: [Step]

    public init(points: [ObjectivePoint], start: Date) {
        func steps(_ ordered: [ObjectivePoint]) -> [Step] {
            var best: ObjectivePoint?
            return ordered.map { point in
                if best.map({ point.score > $0.score }) ?? true {
                    best = point
                }
                return Step(
                    trial: point.trial,
                    elapsed: point.endedAt.map { $0.timeIntervalSince(start) },
                    objective: point.objective, best: best?.objective ?? point.objective)
            }
        }
        byTrial = steps(points.sorted { $0.trial < $1.trial })
        byTime = steps(
            points.sorted { a, b in
                switch (a.endedAt, b.endedAt) {
                case (let x?, let y?) where x != y: x < y
                case (.some, nil): true
                case (nil, .some): false
                default: a.trial < b.trial
                }
            })
    }
}
