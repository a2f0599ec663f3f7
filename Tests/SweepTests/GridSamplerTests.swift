import Testing
import Trainer

@testable import Sweep

@Suite struct GridSamplerTests {
    private func spec(_ name: String) throws -> SweepSpec {
        try SweepSpec.load(path: SpecTestPaths.sweeps.appendingPathComponent(name).path)
    }

    @Test func fullGridHasEveryCombinationInDocumentedOrder() throws {
        let trials = try spec("small-objects-grid.yaml").planTrials()
        #expect(trials.count == 4 * 3 * 4 * 3)
        #expect(trials.map(\.index) == Array(0..<144))
        #expect(Set(trials.map(\.parameters)).count == 144)
        #expect(Set(trials.map(\.key)).count == 144)
        // loss innermost, then batch_size, weight_decay, lr outermost.
        #expect(
            trials[0].parameters
                == TrialParameters(lr: 0.0001, weightDecay: 0.0001, batchSize: 16, loss: .mse))
        #expect(
            trials[1].parameters
                == TrialParameters(lr: 0.0001, weightDecay: 0.0001, batchSize: 16, loss: .ce))
        #expect(
            trials[3].parameters
                == TrialParameters(lr: 0.0001, weightDecay: 0.0001, batchSize: 32, loss: .mse))
        #expect(
            trials[12].parameters
                == TrialParameters(lr: 0.0001, weightDecay: 0.0005, batchSize: 16, loss: .mse))
        #expect(
            trials[36].parameters
                == TrialParameters(lr: 0.001, weightDecay: 0.0001, batchSize: 16, loss: .mse))
        #expect(
            trials[143].parameters
                == TrialParameters(lr: 0.1, weightDecay: 0.001, batchSize: 128, loss: .focal))
    }

    @Test func trialsCarryTheFullTrainingConfig() throws {
        let sweep = try spec("small-objects-grid.yaml")
        for trial in sweep.planTrials() {
            #expect(trial.seed == sweep.seed)
            #expect(trial.training == trial.parameters.applied(to: sweep.trainer))
            #expect(trial.training.seed == sweep.seed)
            #expect(trial.training.epochs == 3)
        }
    }

    @Test func unsearchedParametersTakeTheTrainersValues() throws {
        let trials = try spec("quickstart.yaml").planTrials()
        #expect(trials.count == 12)
        #expect(trials.allSatisfy { $0.parameters.weightDecay == 0.0005 })
        let lrs: [Double] = Array(repeating: 0.03, count: 6) + Array(repeating: 0.1, count: 6)
        #expect(trials.map(\.parameters.lr) == lrs)
        #expect(trials.map(\.parameters.batchSize) == [8, 8, 8, 32, 32, 32, 8, 8, 8, 32, 32, 32])
        let losses: [LossKind] = [.mse, .ce, .focal]
        #expect(trials.map(\.parameters.loss) == losses + losses + losses + losses)
    }

    @Test func reRunningTheSameFileGivesTheSameKeys() throws {
        let path = SpecTestPaths.sweeps.appendingPathComponent("small-objects-grid.yaml").path
        let first = try SweepSpec.load(path: path).planTrials()
        let second = try SweepSpec.load(path: path).planTrials()
        #expect(first == second)
    }

    @Test func addingAValueKeepsTheKeysOfExistingCombinations() throws {
        let before = """
            name: grow
            method: grid
            parameters:
              lr: {values: [0.01, 0.1]}
            """
        let after = before.replacingOccurrences(of: "[0.01, 0.1]", with: "[0.001, 0.01, 0.1]")
        let old = try SweepSpec.parse(text: before, path: "grow.yaml").planTrials()
        let new = try SweepSpec.parse(text: after, path: "grow.yaml").planTrials()
        #expect(Set(old.map(\.key)).isSubset(of: Set(new.map(\.key))))
    }
}
