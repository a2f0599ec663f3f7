import Foundation
import Trainer

/// One ranked trial reduced to what the report's charts need: its plan index, parameters,
/// objective, training seconds and state.
public struct ObjectivePoint: Sendable, Equatable {
    public var trial: Int
    public var parameters: TrialParameters
    /// The objective's value, as reported.
    public var objective: Double
    /// Whether a higher or a lower ``objective`` is better.
    public var goal: Objective.Goal
    public var seconds: Double?
    public var endedAt: Date?
    public var state: TrialState

    public init(
        trial: Int, parameters: TrialParameters, objective: Double, seconds: Double? = nil,
        endedAt: Date? = nil, state: TrialState = .completed, goal: Objective.Goal = .maximize
    ) {
        self.trial = trial
        self.parameters = parameters
        self.objective = objective
        self.goal = goal
        self.seconds = seconds
        self.endedAt = endedAt
        self.state = state
    }

    /// The ranked trials whose `objective` is defined, in plan order.
    public static func points(
        _ ranking: [RankedTrial], objective metric: Objective
    ) -> [ObjectivePoint] {
        ranking.compactMap { ranked -> ObjectivePoint? in
            guard let objective = metric.objectiveValue(ranked.metrics) else { return nil }
            let trial = ranked.trial
            return ObjectivePoint(
                trial: trial.index, parameters: trial.config.parameters, objective: objective,
                seconds: trial.seconds, endedAt: trial.endedAt, state: trial.state,
                goal: metric.goal)
        }.sorted { $0.trial < $1.trial }
    }

    /// ``objective`` oriented so that higher is better (``Objective/Goal/oriented(_:)``).
    public var score: Double {
        goal.oriented(objective)
    }
}
