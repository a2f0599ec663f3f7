import Testing

@testable import Trainer

@Suite struct LearningRateScheduleTests {
    @Test func warmsUpLinearlyThenDecaysByCosine() {
        let s = LearningRateSchedule(peak: 0.1, warmupSteps: 4, totalSteps: 12)
        #expect(abs(s.rate(at: 0) - 0.025) < 1e-12)
        #expect(abs(s.rate(at: 1) - 0.05) < 1e-12)
        #expect(abs(s.rate(at: 3) - 0.1) < 1e-12)
        #expect(abs(s.rate(at: 4) - 0.1) < 1e-12)
        #expect(abs(s.rate(at: 8) - 0.05) < 1e-12)
        #expect(s.rate(at: 11) < 0.01)
        let decay = (4..<12).map(s.rate(at:))
        #expect(zip(decay, decay.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func fractionalWarmupEpochsRoundToSteps() {
        let s = LearningRateSchedule(peak: 1, warmupEpochs: 0.5, epochs: 3, stepsPerEpoch: 10)
        #expect(s.warmupSteps == 5)
        #expect(s.totalSteps == 30)
        let none = LearningRateSchedule(peak: 1, warmupEpochs: 0, epochs: 2, stepsPerEpoch: 4)
        #expect(none.rate(at: 0) == 1)
    }
}
