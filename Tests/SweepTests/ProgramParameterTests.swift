import Foundation
import Testing
import Trainer

@testable import Sweep

/// A command trainer's own parameters (``Hyperparameter/program(_:)``): parsed, planned,
/// sampled, keyed and stored like the built-in ones; refused without a command and under a
/// placeholder's name.
@Suite struct ProgramParameterTests {
    /// A sweep file searching `parameters`, with a command passing the placeholders `passing`.
    private func text(
        _ parameters: String, command: Bool = true, method: String = "grid",
        passing: [String] = ["dropout", "optimizer", "width"]
    ) -> String {
        var text = """
            name: own
            method: \(method)
            parameters:
            \(parameters)

            """
        if method != "grid" { text += "max_trials: 8\n" }
        if command {
            text += """
                trainer:
                  command: [python3, train.py, \(passing.map { "\"{\($0)}\"" }.joined(separator: ", "))]
                  workdir: /tmp
                """
        }
        return text
    }

    private let own = """
          dropout: {values: [0.1, 0.3]}
          optimizer: {values: [adam, sgd]}
          width: {values: [64, 128]}
        """

    @Test func aCommandTrainerSearchesItsProgramsParameters() throws {
        let spec = try SweepSpec.parse(text: text(own), path: "s.yaml")
        #expect(spec.parameters[.program("dropout")] == .values([.number(0.1), .number(0.3)]))
        #expect(spec.parameters[.program("optimizer")] == .values([.text("adam"), .text("sgd")]))
        #expect(spec.parameters[.program("width")] == .values([.integer(64), .integer(128)]))
        #expect(!Hyperparameter.program("width").isBuiltIn)
        let trials = spec.planTrials()
        #expect(trials.count == 8)
        #expect(Set(trials.map(\.key)).count == 8)
        #expect(
            Set(trials.map { $0.parameters.programValues["optimizer"] })
                == [.text("adam"), .text("sgd")])
    }

    @Test func withoutACommandAnUnknownNameIsRefusedAtItsLine() {
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text(own, command: false), path: "s.yaml")
        }
        #expect(error?.line == 4)
        #expect(error?.description.contains("unknown parameter") == true)
    }

    @Test func aPlaceholderNameIsRefusedAtItsLine() {
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(
                text: text("  epochs: {values: [5, 10]}\n" + own), path: "s.yaml")
        }
        #expect(error?.line == 4)
        #expect(error?.keyPath == "parameters.epochs")
        #expect(error?.description.contains("set the epochs with trainer.epochs") == true)
    }

    /// `when:` may name the program's own parameters: momentum only where the optimizer is sgd.
    @Test func aProgramParameterCanBeConditionalOnAnother() throws {
        let spec = try SweepSpec.parse(
            text: text(
                """
                  dropout: {values: [0.1]}
                  width: {values: [64]}
                  optimizer: {values: [adam, sgd]}
                  momentum: {values: [0.9, 0.99], when: {optimizer: sgd}}
                """, passing: ["dropout", "optimizer", "width", "momentum"]), path: "s.yaml")
        #expect(
            spec.conditions[.program("momentum")]
                == ParameterCondition(parent: .program("optimizer"), values: [.text("sgd")]))
        let trials = spec.planTrials().map(\.parameters.programValues)
        #expect(trials.count == 3)
        let fixed: [String: ParameterValue] = ["dropout": .number(0.1), "width": .integer(64)]
        #expect(trials.contains(fixed.merging(["optimizer": .text("adam")]) { $1 }))
        #expect(
            trials.contains(
                fixed.merging(["optimizer": .text("sgd"), "momentum": .number(0.99)]) { $1 }))
    }

    /// `initial:` configs name the program's own parameters too, and must give each of them.
    @Test func initialConfigsGiveTheProgramsParameters() throws {
        let spec = try SweepSpec.parse(
            text: text(own, method: "tpe")
                + "\ninitial: [{dropout: 0.3, optimizer: sgd, width: 128}]\n",
            path: "s.yaml")
        #expect(
            spec.initial.first?.programValues
                == ["dropout": .number(0.3), "optimizer": .text("sgd"), "width": .integer(128)])
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(
                text: text(own, method: "tpe") + "\ninitial: [{dropout: 0.3, optimizer: sgd}]\n",
                path: "s.yaml")
        }
        #expect(error?.keyPath == "initial[0].width")
    }

    @Test(arguments: ["\"\"", "\"a b\"", "\"x{y\""])
    func aNameNoPlaceholderCanSpellIsRefusedAtItsLine(name: String) {
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text("  \(name): {values: [1]}\n" + own), path: "s.yaml")
        }
        #expect(error?.line == 4)
        #expect(error?.description.contains("a name a placeholder can spell") == true)
    }

    /// Stored trials keep their own values (and trials stored before they existed read back).
    @Test func theValuesRoundTripThroughTheStoredJSON() throws {
        var parameters = TrialParameters(lr: 0.01, weightDecay: 0, batchSize: 8, loss: .ce)
        parameters.set(.program("dropout"), to: .number(0.3))
        parameters.set(.program("optimizer"), to: .text("adam"))
        let data = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(TrialParameters.self, from: data) == parameters)
        var plain = parameters
        plain.programValues = [:]
        let old = try JSONEncoder().encode(plain)
        #expect(!String(decoding: old, as: UTF8.self).contains("program"))
        #expect(try JSONDecoder().decode(TrialParameters.self, from: old) == plain)
        #expect(parameters.canonicalDescription.hasSuffix(",dropout=0.3,optimizer=adam"))
    }

    /// TPE samples the program's parameters and, in this finite space, never repeats a point.
    @Test func tpeCoversAFiniteSpaceOfOwnParametersWithoutRepeats() throws {
        let spec = try SweepSpec.parse(text: text(own, method: "tpe"), path: "s.yaml")
        let sampler = TPESampler(settings: TPESettings(startupTrials: 3, constantLiar: true))
        var history: [TPEObservation] = []
        for index in 0..<8 {
            let next = try sampler.propose(
                space: spec.parameters, defaults: TrialParameters(defaults: spec.trainer),
                history: history, seed: 5, trialIndex: index)
            let width: Double =
                if case .integer(let w)? = next.programValues["width"] { Double(w) } else { 0 }
            history.append(TPEObservation(parameters: next, state: .completed(value: width)))
        }
        #expect(Set(history.map(\.parameters)).count == 8)
    }
}
