import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli train`: trains one model with the given hyperparameters and prints its metrics.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one model and print its metrics.",
        discussion: """
            Starts from --config (a YAML training config, e.g. the best trial exported by \
            'export --best-config'; it takes exactly the keys of a sweep file's trainer block, \
            plus seed) or the defaults; explicit flags override it. Every value must lie within \
            the same bounds a sweep file's must. With --json the last line of stdout is one JSON \
            object (status, epochs, seconds, images_per_second and every metric key).
            """)

    @Option(parsing: .unconditional, help: "Peak learning rate.") var lr: Double?
    @Option(
        parsing: .unconditional,
        help: "Weight decay (not applied to biases and BatchNorm).")
    var weightDecay: Double?
    @Option(parsing: .unconditional, help: "Images per batch.") var batchSize: Int?
    @Option(help: "Classification loss: mse, ce or focal.") var loss: LossKind?
    @Option(
        parsing: .unconditional,
        help: "Training epochs (0: evaluate the untrained model).")
    var epochs: Int?
    @Option(
        parsing: .unconditional,
        help: "Seed for initialisation, shuffling and augmentation.")
    var seed: UInt64?
    @Option(parsing: .unconditional, help: "SGD momentum.") var momentum: Double?
    @Option(
        parsing: .unconditional,
        help: "Linear warm-up length in epochs (may be fractional).")
    var warmupEpochs: Double?
    @Option(
        parsing: .unconditional,
        help: "Stop as diverged when an epoch's mean loss exceeds this × the lowest loss so far.")
    var divergeFactor: Double?
    @Option(help: "Attention block after the later backbone stages: none, se or cbam.")
    var attention: AttentionKind?
    @Option(help: "A YOLO data.yaml to train on instead of the synthetic dataset.")
    var data: String?
    @Option(
        parsing: .unconditional,
        help: "Image side in pixels (the synthetic dataset's, or what YOLO images are resized to).")
    var imageSize: Int?
    @Option(help: "YOLO dataset: letterbox (keep aspect, pad grey; the default) or stretch.")
    var resize: ResizeMode?
    @Option(help: "YOLO dataset: the dataset cache folder (default: results/cache).")
    var cache = DatasetCache.defaultFolder
    @Option(parsing: .unconditional, help: "Synthetic dataset: training images.")
    var trainImages: Int?
    @Option(parsing: .unconditional, help: "Synthetic dataset: validation images.")
    var valImages: Int?
    @Option(help: "A YAML training config to start from.") var config: String?
    @Option(parsing: .unconditional, help: "OpenBLAS threads.") var threads = 1
    @Flag(help: "End with one JSON line of the result.") var json = false

    func validate() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard TrainingBounds.threads(cores: cores).violation(threads) == nil else {
            throw ValidationError(
                "--threads must be between 1 and \(cores) (this machine's cores); got \(threads)")
        }
    }

    /// The config to train: `--config` (or the defaults) with the flags applied, validated.
    func trainingConfig() throws -> TrainingConfig {
        var training =
            try config.map { path throws(TrainingConfigFileError) in
                try TrainingConfigReader.load(path: path)
            } ?? TrainingConfig()
        if let lr { training.lr = lr }
        if let weightDecay { training.weightDecay = weightDecay }
        if let batchSize { training.batchSize = batchSize }
        if let loss { training.loss = loss }
        if let epochs { training.epochs = epochs }
        if let seed { training.seed = seed }
        if let momentum { training.momentum = momentum }
        if let warmupEpochs { training.warmupEpochs = warmupEpochs }
        if let divergeFactor { training.divergeFactor = divergeFactor }
        if let attention { training.attention = attention }
        if let data { training.data = .yolo(path: data, skipCorrupt: false) }
        switch training.data {
        case .yolo(let path, let skipCorrupt, let size, let mode):
            guard trainImages == nil, valImages == nil else {
                throw TrainingConfigError(
                    key: "--train-images, --val-images",
                    value: "a YOLO dataset from " + (data.map { "--data \($0)" } ?? "--config"),
                    requirement: "synthetic dataset flags need the synthetic dataset, not both")
            }
            training.data = .yolo(
                path: path, skipCorrupt: skipCorrupt, imageSize: imageSize ?? size,
                resize: resize ?? mode)
        case .synthetic(var options):
            guard resize == nil else {
                throw TrainingConfigError(
                    key: "--resize", value: "the synthetic dataset",
                    requirement: "--resize needs a YOLO dataset (--data, or data.yolo in --config)")
            }
            options.imageSize = imageSize ?? options.imageSize
            options.trainImages = trainImages ?? options.trainImages
            options.valImages = valImages ?? options.valImages
            training.data = .synthetic(options)
        }
        try training.validate()
        return training
    }

    func run() async throws {
        let training = try trainingConfig()
        BLAS.setThreads(threads)
        let split = try DatasetLoader.load(training.data, cache: DatasetCache(folder: cache))
        let epochs = training.epochs
        let result = try TrainingLoop.run(training, on: split) { event in
            if case .epoch(let report) = event {
                print(TrainingReport.line(report, of: epochs))
                fflush(nil)
            }
        }
        print(TrainingReport.summary(result))
        if json { print(TrainingReport.json(result)) }
    }
}

extension LossKind: ExpressibleByArgument {}
extension AttentionKind: ExpressibleByArgument {}
extension ResizeMode: ExpressibleByArgument {}
