import Testing
import Trainer

@testable import Sweep

/// The sweep file's `objective:` key (see `SweepFileParser+Objective.swift`).
@Suite struct SweepFileObjectiveTests {
    private func text(objective: String?) -> String {
        var text = """
            name: obj
            method: grid
            parameters:
              lr: {values: [0.01, 0.1]}

            """
        if let objective {
            text += "objective: \(objective)\n"
        }
        return text
    }

    @Test func defaultsToAPSmall() throws {
        let spec = try SweepSpec.parse(text: text(objective: nil), path: "obj.yaml")
        #expect(spec.objective == Objective(.apSmall))
        #expect(spec.summary().hasSuffix("objective:      ap_small (maximised)"))
    }

    @Test(arguments: DetectionMetric.allCases)
    func acceptsEveryMetricName(_ metric: DetectionMetric) throws {
        let spec = try SweepSpec.parse(text: text(objective: metric.name), path: "obj.yaml")
        #expect(spec.objective == Objective(metric))
    }

    @Test func unknownNameIsALocatedErrorListingTheValidNames() throws {
        let error = #expect(throws: SweepFileError.self) {
            _ = try SweepSpec.parse(text: text(objective: "ap_smal"), path: "obj.yaml")
        }
        let found = try #require(error)
        #expect(found.line == 5)
        #expect(found.keyPath == "objective")
        #expect(found.value == "ap_smal")
        let valid = DetectionMetric.allCases.map(\.name)
        #expect(found.problem == .unknownObjective(valid: valid, suggestion: "ap_small"))
        #expect(found.description.hasPrefix("obj.yaml:5"))
        #expect(found.description.contains("did you mean 'ap_small'?"))
        #expect(found.description.contains(valid.joined(separator: ", ")))
    }

    @Test func aNonTextObjectiveIsAnError() {
        #expect(throws: SweepFileError.self) {
            _ = try SweepSpec.parse(text: text(objective: "[ap, ap50]"), path: "obj.yaml")
        }
    }

    @Test func storedTextGivesTheObjectiveOrTheDefault() {
        #expect(
            SweepFileParser.objective(storedIn: text(objective: "ap_tiny")) == Objective(.apTiny))
        #expect(SweepFileParser.objective(storedIn: text(objective: nil)) == Objective(.apSmall))
        #expect(SweepFileParser.objective(storedIn: "") == Objective(.apSmall))
        #expect(SweepFileParser.objective(storedIn: "name: [unclosed") == Objective(.apSmall))
    }

    private func command(metrics: String = "", objective: String) -> String {
        """
        name: own
        method: grid
        parameters:
          lr: {values: [0.01, 0.1]}
        trainer:
          command: [sh, train.sh, "{lr}"]
        \(metrics)
        objective: \(objective)
        """
    }

    @Test func aCommandTrainerRanksByItsOwnMetricInEitherDirection() throws {
        let minimized = try SweepSpec.parse(
            text: command(objective: "{name: val_loss, goal: minimize}"), path: "o.yaml")
        #expect(minimized.objective == Objective(name: "val_loss", goal: .minimize))
        #expect(minimized.summary().contains("objective:      val_loss (minimised)"))
        let maximized = try SweepSpec.parse(text: command(objective: "val_acc"), path: "o.yaml")
        #expect(maximized.objective == Objective(name: "val_acc"))
        #expect(
            SweepSpec.objective(storedIn: command(objective: "{name: val_loss, goal: minimize}"))
                == minimized.objective)
    }

    @Test(arguments: [
        ("{name: ap_small, goal: minimize}", "objective", "better when higher"),
        ("{name: val_loss, goal: lowest}", "objective.goal", "use maximize or minimize"),
        ("{name: val_loss, direction: minimize}", "objective.direction", "unknown objective key"),
        ("{goal: minimize}", "objective.name", "missing"),
        ("seconds", "objective", "a key of the metrics protocol itself"),
        ("{name: '', goal: minimize}", "objective.name", "must name a metric"),
        ("null", "objective", "must name a metric"),
    ])
    func objectiveMistakesAreLocated(objective: String, keyPath: String, message: String) {
        let error = #expect(throws: SweepFileError.self) {
            _ = try SweepSpec.parse(text: command(objective: objective), path: "o.yaml")
        }
        #expect(error?.keyPath == keyPath)
        #expect(error?.line == 8)
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    /// Only a program printing its metrics can report one of its own: the embedded trainer and
    /// scored predictions give the COCO metrics alone.
    @Test func aMetricOfTheProgramsOwnNeedsMetricsOnStdout() {
        let embedded = #expect(throws: SweepFileError.self) {
            _ = try SweepSpec.parse(text: text(objective: "val_loss"), path: "obj.yaml")
        }
        #expect(
            embedded?.description.contains("needs a command trainer with metrics: stdout") == true)
        let predictions = #expect(throws: SweepFileError.self) {
            _ = try SweepSpec.parse(
                text: command(
                    metrics: "  predictions: p.json\n  ground_truth: /dev/null",
                    objective: "val_loss"),
                path: "o.yaml")
        }
        #expect(predictions?.keyPath == "objective")
    }
}
