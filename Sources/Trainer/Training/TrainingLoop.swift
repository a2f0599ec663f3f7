/// Trains a fresh detector for one trial: the epoch loop, validation after every epoch and
/// divergence detection.
public enum TrainingLoop {
    /// Trains a newly initialised detector with `config` on `split.train`, evaluates on
    /// `split.val` after every epoch and reports each epoch, then the result, to `onEvent`.
    ///
    /// Never crashes on a diverging run: a NaN/Inf loss, or an epoch's mean loss that
    /// ``DivergenceRule`` flags, ends it with status `diverged`; an evaluation that fails ends it
    /// with status `failed`. Both carry the numbers in `reason`.
    /// `config.epochs == 0` trains nothing and evaluates the untrained model once.
    /// Initialisation, shuffling and augmentation derive from `config.seed`; with one BLAS thread the
    /// same config and data give the same metrics.
    /// - Throws: the first setting of `config` outside ``TrainingBounds``, before any work.
    public static func run(
        _ config: TrainingConfig, on split: DatasetSplit,
        onEvent: (TrainingEvent) -> Void = { _ in }
    ) throws(TrainingConfigError) -> TrainingResult {
        try config.validate()
        let clock = ContinuousClock()
        let started = clock.now
        let classCount = max(1, split.train.classNames.count, split.val.classNames.count)
        let detector = Detector(
            classCount: classCount, attention: config.attention, seed: config.seed)
        let step = TrainingStep(detector: detector, config: config)
        let loader = BatchLoader()
        let train = split.train
        // A batch never holds more than the whole split (and never overflows the step count).
        let batchSize = min(config.batchSize, max(1, train.images.count))
        let validation = ValidationSet(
            split.val, batchSize: min(config.batchSize, max(1, split.val.images.count)))
        let stepsPerEpoch = (train.images.count + batchSize - 1) / batchSize
        let schedule = LearningRateSchedule(
            peak: config.lr, warmupEpochs: config.warmupEpochs, epochs: config.epochs,
            stepsPerEpoch: stepsPerEpoch)
        var shuffleRNG = SplitMix64(seed: config.seed, stream: 0x5401)
        let augmenter = Augmenter(config.augmentation, seed: config.seed)
        var order = Array(train.images.indices)
        var metrics: DetectionMetrics?
        var trainSeconds = 0.0
        var trainedImages = 0
        var globalStep = 0
        var divergence = DivergenceRule(factor: config.divergeFactor)

        func finish(_ status: TrainingStatus, epochs: Int, reason: String? = nil)
            -> TrainingResult
        {
            let result = TrainingResult(
                status: status, epochs: epochs, metrics: metrics,
                seconds: (clock.now - started) / .seconds(1),
                imagesPerSecond: trainSeconds > 0 ? Double(trainedImages) / trainSeconds : 0,
                reason: reason)
            onEvent(.finished(result))
            return result
        }

        /// The `failed` result that ends the run when evaluating after `epoch` throws.
        func evaluationFailed(after epoch: Int, _ error: any Error) -> TrainingResult {
            finish(
                .failed, epochs: max(0, epoch - 1),
                reason: "evaluation after epoch \(epoch) failed: \(error)")
        }

        if config.epochs == 0 {
            do {
                metrics = try validation.evaluate(detector, loader: loader)
            } catch {
                return evaluationFailed(after: 0, error)
            }
            return finish(.completed, epochs: 0)
        }
        for epoch in 1...config.epochs {
            let epochStarted = clock.now
            shuffle(&order, rng: &shuffleRNG)
            var lossSum = 0.0
            for (batch, start) in stride(from: 0, to: order.count, by: batchSize).enumerated() {
                let indices = order[start..<min(order.count, start + batchSize)]
                let lr = schedule.rate(at: globalStep)
                loader.load(train, indices: indices, augmenter: augmenter)
                let loss = step.run(loader, lr: Float(lr))
                guard loss.isFinite else {
                    trainSeconds += (clock.now - epochStarted) / .seconds(1)
                    let reason =
                        "loss became \(loss) at epoch \(epoch), batch \(batch + 1) (lr \(lr))"
                    return finish(.diverged, epochs: epoch - 1, reason: reason)
                }
                if globalStep == 0 {
                    divergence.recordFirstBatch(loss: loss)
                }
                lossSum += loss
                globalStep += 1
                trainedImages += indices.count
            }
            trainSeconds += (clock.now - epochStarted) / .seconds(1)
            let meanLoss = lossSum / Double(max(1, stepsPerEpoch))
            if let reason = divergence.check(epoch: epoch, meanLoss: meanLoss) {
                return finish(.diverged, epochs: epoch - 1, reason: reason)
            }
            let evaluated: DetectionMetrics
            do {
                evaluated = try validation.evaluate(detector, loader: loader)
            } catch {
                return evaluationFailed(after: epoch, error)
            }
            metrics = evaluated
            let report = EpochReport(
                epoch: epoch, loss: meanLoss, metrics: evaluated,
                seconds: (clock.now - epochStarted) / .seconds(1))
            onEvent(.epoch(report))
        }
        return finish(.completed, epochs: config.epochs)
    }

    /// Fisher–Yates with the trainer's own generator (identical on every platform).
    private static func shuffle(_ order: inout [Int], rng: inout SplitMix64) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, rng.int(in: 0...i))
        }
    }
}
