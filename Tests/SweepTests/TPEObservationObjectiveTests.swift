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
}
