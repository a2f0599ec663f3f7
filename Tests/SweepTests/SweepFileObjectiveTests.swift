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
        #expect(SweepFileParser.objective(storedIn: text(objective: "ap_tiny")) == Objective(.apTiny))
        #expect(SweepFileParser.objective(storedIn: text(objective: nil)) == Objective(.apSmall))
        #expect(SweepFileParser.objective(storedIn: "") == Objective(.apSmall))
        #expect(SweepFileParser.objective(storedIn: "name: [unclosed") == Objective(.apSmall))
    }
}
