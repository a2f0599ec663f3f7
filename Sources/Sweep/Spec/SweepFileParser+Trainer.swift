import Foundation
import Trainer
import Yams

extension SweepFileParser {
    static let trainerKeys = [
        "epochs", "lr", "weight_decay", "batch_size", "loss", "momentum", "warmup_epochs",
        "focal_alpha", "focal_gamma", "data",
    ]
    static let dataKeys = ["synthetic", "yolo", "skip_corrupt"]
    static let syntheticKeys = ["image_size", "train_images", "val_images", "seed"]
    /// Smallest synthetic image side the detector's strides can handle.
    static let minimumImageSize = 32

    /// The `trainer:` block: epochs, data and the fixed hyperparameters (defaults for the rest).
    func parseTrainer(_ entry: SweepFileEntry) throws(SweepFileError) -> TrainingConfig {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        try nodes.requireKnownKeys(entries, allowed: Self.trainerKeys) {
            .unknownTrainerKey(suggestion: $0)
        }
        var config = TrainingConfig()
        for item in entries {
            switch item.key {
            case "epochs": config.epochs = try atLeast(1, item)
            case "lr", "weight_decay", "batch_size", "loss":
                let name = Hyperparameter(rawValue: item.key)!
                switch try name.value(of: item.value, item.keyPath, nodes) {
                case .number(let number) where name == .lr: config.lr = number
                case .number(let number): config.weightDecay = number
                case .integer(let number): config.batchSize = number
                case .text(let text): config.loss = LossKind(rawValue: text)!
                }
            case "momentum": config.momentum = try fraction(item, upTo: 1, inclusive: false)
            case "warmup_epochs": config.warmupEpochs = try nonNegative(item)
            case "focal_alpha": config.focalAlpha = try fraction(item, upTo: 1, inclusive: true)
            case "focal_gamma": config.focalGamma = try nonNegative(item)
            default: config.data = try parseData(item)
            }
        }
        return config
    }

    private func parseData(_ entry: SweepFileEntry) throws(SweepFileError) -> DataSource {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        try nodes.requireKnownKeys(entries, allowed: Self.dataKeys) {
            .unknownTrainerKey(suggestion: $0)
        }
        let byKey = Dictionary(
            entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        switch (byKey["synthetic"], byKey["yolo"]) {
        case (_?, _?): throw nodes.error(.bothDataSources, at: entry.keyNode, entry.keyPath)
        case (nil, nil): throw nodes.error(.noDataSource, at: entry.keyNode, entry.keyPath)
        case (let synthetic?, nil):
            if let skip = byKey["skip_corrupt"] {
                throw nodes.error(.skipCorruptWithoutYOLO, at: skip.keyNode, skip.keyPath)
            }
            return .synthetic(try parseSynthetic(synthetic))
        case (nil, let yolo?):
            let skipCorrupt = try byKey["skip_corrupt"].map { entry throws(SweepFileError) in
                try nodes.boolean(entry.value, entry.keyPath)
            }
            return .yolo(path: try resolveDataFile(yolo), skipCorrupt: skipCorrupt ?? false)
        }
    }

    private func parseSynthetic(
        _ entry: SweepFileEntry
    ) throws(SweepFileError) -> SyntheticDatasetOptions {
        let entries = try nodes.mapping(entry.value, entry.keyPath)
        try nodes.requireKnownKeys(entries, allowed: Self.syntheticKeys) {
            .unknownTrainerKey(suggestion: $0)
        }
        var options = SyntheticDatasetOptions()
        for item in entries {
            switch item.key {
            case "image_size": options.imageSize = try atLeast(Self.minimumImageSize, item)
            case "train_images": options.trainImages = try atLeast(1, item)
            case "val_images": options.valImages = try atLeast(1, item)
            default: options.seed = UInt64(try atLeast(0, item))
            }
        }
        return options
    }

    /// A relative `data.yaml` path is taken relative to the sweep file's folder.
    private func resolveDataFile(_ entry: SweepFileEntry) throws(SweepFileError) -> String {
        let path = try nodes.text(entry.value, entry.keyPath)
        let resolved =
            path.hasPrefix("/")
            ? path
            : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardized.path
        guard !path.isEmpty, FileManager.default.fileExists(atPath: resolved) else {
            throw nodes.error(
                .dataFileNotFound(resolved: resolved), at: entry.value, entry.keyPath,
                value: "\"\(path)\"")
        }
        return resolved
    }

    private func nonNegative(_ entry: SweepFileEntry) throws(SweepFileError) -> Double {
        let value = try nodes.number(entry.value, entry.keyPath)
        guard value >= 0 else {
            throw nodes.error(
                .outOfRange(requirement: "must be >= 0"), at: entry.value,
                entry.keyPath, value: nodes.shown(entry.value))
        }
        return value
    }

    private func fraction(
        _ entry: SweepFileEntry, upTo limit: Double, inclusive: Bool
    ) throws(SweepFileError) -> Double {
        let value = try nonNegative(entry)
        guard inclusive ? value <= limit : value < limit else {
            let requirement = inclusive ? "must be <= \(limit)" : "must be < \(limit)"
            throw nodes.error(
                .outOfRange(requirement: requirement), at: entry.value,
                entry.keyPath, value: nodes.shown(entry.value))
        }
        return value
    }
}
