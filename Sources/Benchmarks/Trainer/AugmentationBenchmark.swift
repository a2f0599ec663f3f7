import Foundation
import Trainer

/// What the training-split augmentation costs per batch: the median seconds to load a batch of
/// the default trial's synthetic images (128², ``batchSize`` images) with every augmentation on
/// at ``settings``, and with none (a plain copy), set against the detector's training step.
public struct AugmentationBenchmark: Sendable, Equatable {
    public var batchSize: Int
    public var imageSize: Int
    public var settings: Augmentation
    /// Median seconds per batch with ``settings`` and with no augmentation at all.
    public var augmentedSeconds: Double
    public var plainSeconds: Double
    /// Median seconds of one detector training step at ``batchSize`` (forward, backward, update).
    public var stepSeconds: Double

    /// Ultralytics' defaults for its training augmentation (`mosaic` 1, `scale` 0.5,
    /// `translate` 0.1, `hsv_*` 0.015 / 0.7 / 0.4, `fliplr` 0.5) with `copy_paste` 0.5.
    public static let allOn = Augmentation(
        mosaic: 1, scale: 0.5, translate: 0.1, hsvH: 0.015, hsvS: 0.7, hsvV: 0.4, fliplr: 0.5,
        copyPaste: 0.5)

    /// The share of a training step the augmentation adds: `(augmented − plain) / step`.
    public var stepShare: Double {
        stepSeconds > 0 ? (augmentedSeconds - plainSeconds) / stepSeconds : 0
    }

    /// Generates `images` synthetic training images of the default size and times `batches`
    /// batches of `batchSize` each way (median), against `stepSeconds` (a
    /// ``TrainerBenchmark/stepSeconds`` at the same batch size).
    public static func run(
        batchSize: Int, batches: Int, stepSeconds: Double, images: Int = 128,
        settings: Augmentation = allOn, seed: UInt64 = 0
    ) -> AugmentationBenchmark {
        precondition(batchSize > 0 && batches > 0 && images > 0, "AugmentationBenchmark: sizes")
        let options = SyntheticDatasetOptions(trainImages: images, valImages: 1)
        let train = SyntheticDataset.generate(options).train
        let clock = ContinuousClock()
        func median(_ augmentation: Augmentation) -> Double {
            let batchesLoader = AugmentedBatches(
                dataset: train, augmentation: augmentation, seed: seed)
            var seconds: [Double] = []
            for batch in 0..<batches {
                let indices = (0..<batchSize).map { (batch * batchSize + $0) % train.images.count }
                let started = clock.now
                batchesLoader.load(indices[...])
                seconds.append((clock.now - started) / .seconds(1))
            }
            return Median.of(seconds)
        }
        return AugmentationBenchmark(
            batchSize: batchSize, imageSize: options.imageSize, settings: settings,
            augmentedSeconds: median(settings), plainSeconds: median(Augmentation(fliplr: 0)),
            stepSeconds: stepSeconds)
    }

    /// One line for `bench trainer`'s table.
    public var line: String {
        func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
        return "augmentation (mosaic, scale, translate, hsv, fliplr, copy_paste; batch "
            + "\(batchSize), \(imageSize)²): \(ms(augmentedSeconds)) ms/batch, plain copy "
            + "\(ms(plainSeconds)) ms: +\(ms(augmentedSeconds - plainSeconds)) ms = "
            + String(format: "%.1f", stepShare * 100) + "% of a detector step "
            + "(\(ms(stepSeconds)) ms)"
    }
}
