import Testing
import Trainer

@testable import Sweep

/// The TPE model reads a stored trial's value as the sweep's objective.
@Suite struct TPEObservationObjectiveTests {
    @Test func observationTakesTheObjectiveMetric() {
        let record = StoreFixtures.record(0, apSmall: 0.2, ap50Small: 0.7)
        #expect(TPEObservation(record: record).state == .completed(value: 0.2))
        #expect(
            TPEObservation(record: record, objective: Objective(.ap50Small)).state
                == .completed(value: 0.7))
        var pruned = StoreFixtures.record(1, state: .pruned, apSmall: 0.1, ap50Small: 0.4)
        pruned.epochsReached = 2
        #expect(
            TPEObservation(record: pruned, objective: Objective(.ap50Small)).state
                == .pruned(step: 2, value: 0.4))
    }

    /// A minimised objective is negated, so the model, which maximises, looks for low values; a
    /// trial that did not report it is failed.
    @Test func aMinimisedObjectiveIsNegated() {
        var record = StoreFixtures.record(0, apSmall: 0.2)
        record.metrics?.reported = ["val_loss": 0.25]
        let valLoss = Objective(name: "val_loss", goal: .minimize)
        #expect(
            TPEObservation(record: record, objective: valLoss).state == .completed(value: -0.25))
        record.metrics?.reported = [:]
        #expect(TPEObservation(record: record, objective: valLoss).state == .failed)
    }
}
