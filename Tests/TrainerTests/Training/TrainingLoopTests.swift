import Testing

@testable import Trainer

@Suite(.serialized) struct TrainingLoopTests {
    private static let split = SyntheticDataset.generate(
        SyntheticDatasetOptions(imageSize: 32, trainImages: 16, valImages: 6, seed: 3))

    private func config(lr: Double = 0.02, epochs: Int = 2, seed: UInt64 = 1) -> TrainingConfig {
        TrainingConfig(
            lr: lr, batchSize: 4, loss: .focal, epochs: epochs, seed: seed, warmupEpochs: 0.5,
            data: .synthetic(SyntheticDatasetOptions(imageSize: 32, trainImages: 16, valImages: 6)))
    }

    private func run(_ config: TrainingConfig) throws -> (TrainingResult, [TrainingEvent]) {
        BLAS.setThreads(1)
        var events: [TrainingEvent] = []
        let result = try TrainingLoop.run(config, on: Self.split) { events.append($0) }
        return (result, events)
    }

    @Test func reportsEveryEpochThenFinishes() throws {
        let (result, events) = try run(config(epochs: 2))
        #expect(result.status == .completed)
        #expect(result.epochs == 2)
        #expect(result.metrics != nil)
        #expect(result.imagesPerSecond > 0)
        #expect(events.count == 3)
        guard case .epoch(let first) = events[0], case .finished(let last) = events[2] else {
            Issue.record("events out of order: \(events)")
            return
        }
        #expect(first.epoch == 1 && first.loss.isFinite && first.seconds >= 0)
        #expect(last == result)
    }

    @Test func sameConfigAndSeedGiveIdenticalResults() throws {
        let (a, eventsA) = try run(config(epochs: 2, seed: 5))
        let (b, eventsB) = try run(config(epochs: 2, seed: 5))
        #expect(a.metrics == b.metrics)
        let losses = { (events: [TrainingEvent]) in
            events.compactMap { if case .epoch(let r) = $0 { r.loss } else { nil } }
        }
        #expect(losses(eventsA) == losses(eventsB))
        let (_, eventsC) = try run(config(epochs: 2, seed: 6))
        #expect(losses(eventsC) != losses(eventsA))
    }

    @Test func aFewEpochsLowerTheLoss() throws {
        let (_, events) = try run(config(lr: 0.05, epochs: 6))
        let losses = events.compactMap { if case .epoch(let r) = $0 { r.loss } else { nil } }
        #expect(losses.count == 6)
        #expect(losses.last! < 0.7 * losses.first!, "losses \(losses)")
    }

    @Test func anAbsurdLearningRateDiverges() throws {
        let (result, events) = try run(config(lr: 1e6, epochs: 3))
        #expect(result.status == .diverged)
        #expect(result.reason?.contains("loss became") == true)
        #expect(result.epochs < 3)
        guard case .finished(let last) = events.last else {
            Issue.record("no finished event")
            return
        }
        #expect(last == result)
    }

    @Test func aBatchLargerThanTheSplitIsOneBatch() throws {
        var big = config(epochs: 1)
        big.batchSize = 1024
        let (result, _) = try run(big)
        #expect(result.status == .completed && result.metrics != nil)
    }

    @Test func zeroEpochsEvaluatesTheUntrainedModelOnce() throws {
        let (result, events) = try run(config(epochs: 0))
        #expect(result.status == .completed)
        #expect(result.epochs == 0)
        #expect(result.metrics != nil)
        #expect(events == [.finished(result)])
    }
}
