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

    /// lr 50 sends the first epoch's mean loss to ~10⁷ without a NaN: the divergence rule ends
    /// the run at that epoch's end, before evaluating it, with the numbers in the reason.
    @Test func anExplodingLossEndsAsDivergedWithItsNumbers() throws {
        let (result, events) = try run(config(lr: 50, epochs: 3))
        #expect(result.status == .diverged)
        #expect(result.epochs == 0 && result.metrics == nil)
        let reason = try #require(result.reason)
        #expect(reason.hasPrefix("epoch 1 mean loss "), "\(reason)")
        #expect(reason.contains(" exceeds diverge_factor 10.0 × the lowest loss so far, "))
        #expect(reason.hasSuffix(" (first batch)"))
        #expect(events == [.finished(result)])
    }

    /// With one image per step and no warm-up, lr 10⁶ turns the loss NaN within the first
    /// epoch: the run stops at that batch, before the epoch-end rule.
    @Test func aNaNLossEndsAsDivergedAtThatBatch() throws {
        var absurd = config(lr: 1e6, epochs: 2)
        absurd.batchSize = 1
        absurd.warmupEpochs = 0
        let (result, events) = try run(absurd)
        #expect(result.status == .diverged)
        #expect(result.epochs == 0)
        let reason = try #require(result.reason)
        #expect(reason.hasPrefix("loss became ") && reason.contains("nan at epoch 1, batch "))
        #expect(events == [.finished(result)])
    }

    @Test func anOutOfBoundConfigIsThrownBeforeTraining() {
        #expect(
            throws: TrainingConfigError(key: "epochs", value: "-3", requirement: "must be >= 0")
        ) {
            try TrainingLoop.run(config(epochs: -3), on: Self.split)
        }
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
