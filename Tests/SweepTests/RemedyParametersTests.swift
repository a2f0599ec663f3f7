import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct RemedyParametersTests {
    @Test func aGridOverAttentionAndMosaicSetsEveryTrialsTrainingConfig() throws {
        let text = """
            name: remedies
            method: grid
            parameters:
              attention: {values: [none, se, cbam]}
              mosaic: {values: [0, 0.5]}
              lr: {values: [0.01]}
            trainer:
              copy_paste: 0.25
            """
        let trials = try SweepSpec.parse(text: text, path: "r.yaml").planTrials()
        #expect(trials.count == 6)
        let pairs = Set(trials.map { "\($0.training.attention.rawValue) \($0.training.mosaic)" })
        #expect(pairs.count == 6)
        #expect(pairs.contains("cbam 0.5") && pairs.contains("none 0.0"))
        for trial in trials {
            #expect(trial.training.attention == trial.parameters.remedies.attention)
            #expect(trial.training.mosaic == trial.parameters.remedies.mosaic)
            #expect(trial.training.copyPaste == 0.25)
        }
        #expect(Set(trials.map(\.key)).count == 6)
    }

    @Test func randomSearchDrawsAugmentationWithinItsRange() throws {
        let text = """
            name: augment
            method: random
            max_trials: 20
            parameters:
              scale: {distribution: uniform, min: 0.1, max: 0.5}
              hsv_v: {values: [0.2, 0.4]}
            """
        let trials = try SweepSpec.parse(text: text, path: "a.yaml").planTrials()
        #expect(trials.count == 20)
        #expect(trials.allSatisfy { (0.1...0.5).contains($0.training.scale) })
        #expect(Set(trials.map(\.training.hsvV)) == [0.2, 0.4])
        #expect(Set(trials.map(\.training.scale)).count > 10)
    }

    @Test func trialKeysOfSweepsWithoutRemediesAreUnchanged() {
        let parameters = TrialParameters(lr: 0.01, weightDecay: 0.0005, batchSize: 32, loss: .focal)
        #expect(
            parameters.canonicalDescription
                == "lr=0.01,weight_decay=0.0005,batch_size=32,loss=focal")
        var remedied = parameters
        remedied.set(.attention, to: .text("se"))
        remedied.set(.copyPaste, to: .number(0.5))
        #expect(
            remedied.canonicalDescription
                == "lr=0.01,weight_decay=0.0005,batch_size=32,loss=focal,attention=se,"
                + "copy_paste=0.5")
    }

    @Test func parametersStoredBeforeTheRemediesStillDecode() throws {
        let json = #"{"lr":0.1,"weight_decay":0,"batch_size":8,"loss":"ce"}"#
        let parameters = try JSONDecoder().decode(TrialParameters.self, from: Data(json.utf8))
        #expect(parameters == TrialParameters(lr: 0.1, weightDecay: 0, batchSize: 8, loss: .ce))
        let again = try JSONDecoder().decode(
            TrialParameters.self, from: try JSONEncoder().encode(parameters))
        #expect(again == parameters)
    }

    @Test func badRemedyValuesNameTheirLine() {
        let attention = """
            name: bad
            method: grid
            parameters:
              attention: {values: [se, transformer]}
            """
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: attention, path: "b.yaml")
        }
        #expect(error?.problem == .unknownAttention)
        #expect(error?.keyPath == "parameters.attention.values[1]")
        #expect(error?.line == 4)
        let mosaic = """
            name: bad
            method: random
            max_trials: 2
            parameters:
              mosaic: {distribution: uniform, min: 0, max: 1.5}
            """
        let range = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: mosaic, path: "m.yaml")
        }
        #expect(range?.problem == .outOfRange(requirement: "must be <= 1"))
        #expect(range?.line == 5)
        let logScale = """
            name: bad
            method: random
            max_trials: 2
            parameters:
              translate: {distribution: log_uniform, min: 0.01, max: 0.2}
            """
        let distribution = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: logScale, path: "t.yaml")
        }
        #expect(
            distribution?.problem
                == .distributionNotAllowed(allowed: ["uniform", "normal", "values"]))
    }

    @Test func theSummaryListsOnlyRemediesThatAreSearchedOrSet() throws {
        let text = """
            name: summary
            method: grid
            parameters:
              attention: {values: [none, se]}
            trainer:
              hsv_v: 0.4
            """
        let summary = try SweepSpec.parse(text: text, path: "s.yaml").summary()
        #expect(summary.contains("attention:"))
        #expect(summary.contains("hsv_v:") && summary.contains("fixed 0.4"))
        #expect(!summary.contains("mosaic:"))
    }
}
