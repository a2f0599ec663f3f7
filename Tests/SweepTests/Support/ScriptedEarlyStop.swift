import Testing

@testable import Sweep

/// One scripted report and whether the rule should let the trial continue.
typealias ScriptedStep = (trial: String, epoch: Int, value: Double, continues: Bool)

/// Reports `steps` to `rule` in order, expects each one's decision, and returns the decisions.
@discardableResult
func runScript<Rule: EarlyStopRule>(
    _ rule: inout Rule, _ steps: [ScriptedStep]
) -> [EarlyStopDecision] {
    steps.map { step in
        let decision = rule.report(trial: step.trial, epoch: step.epoch, value: step.value)
        #expect(
            (decision == .continue) == step.continues,
            "\(step.trial) epoch \(step.epoch) value \(step.value): \(decision)")
        return decision
    }
}
