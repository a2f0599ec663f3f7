import Testing
import Trainer

@testable import Sweep

@Suite struct TrialKeyTests {
    @Test func fnv1aMatchesTheReferenceVectors() {
        #expect(TrialKey.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(TrialKey.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    /// Regression: keys are stored in databases, so they must never change for the same input.
    @Test func keyOfAFixedTrialNeverChanges() {
        let parameters = TrialParameters(
            lr: 0.001, weightDecay: 0.0005, batchSize: 32, loss: .focal)
        #expect(
            parameters.canonicalDescription
                == "lr=0.001,weight_decay=0.0005,batch_size=32,loss=focal")
        #expect(
            TrialKey.make(sweep: "small-objects-grid", parameters: parameters, seed: 1)
                == "bf06668b60a966bd")
        #expect(
            TrialKey.make(sweep: "overnight-random", parameters: parameters, seed: 42, index: 7)
                == "f20e4f7e2c4285bd")
    }

    @Test func keyDependsOnNameParametersSeedAndIndex() {
        let base = TrialParameters(lr: 0.01, weightDecay: 0.0001, batchSize: 16, loss: .ce)
        var other = base
        other.loss = .mse
        let key = TrialKey.make(sweep: "s", parameters: base, seed: 0)
        #expect(key.count == 16)
        #expect(key != TrialKey.make(sweep: "t", parameters: base, seed: 0))
        #expect(key != TrialKey.make(sweep: "s", parameters: other, seed: 0))
        #expect(key != TrialKey.make(sweep: "s", parameters: base, seed: 1))
        #expect(key != TrialKey.make(sweep: "s", parameters: base, seed: 0, index: 0))
    }
}
