import Foundation
import Yams

/// The one reader of a ``TrainingConfig`` written as YAML: the file `train --config` takes (what
/// `export --best-config` writes) and a sweep file's `trainer:` block.
///
/// Missing keys take their defaults. Unknown keys (with a did-you-mean suggestion), values of
/// the wrong type, numbers outside ``TrainingBounds``, a `data:` naming both or neither source
/// and a dataset too large for memory are refused with the file, line and key path. A relative
/// `data.yolo` path is taken relative to `baseDirectory` and must exist.
public struct TrainingConfigReader: Sendable {
    /// Where the config is written, which decides the keys it may hold.
    public enum Source: Sendable {
        /// A config file of its own: every ``TrainingConfig`` key.
        case configFile
        /// A sweep file's `trainer:` block: every key but `seed`, which the sweep's top-level
        /// `seed` sets for all trials.
        case sweepTrainer
    }

    let nodes: ConfigNodes
    let baseDirectory: String
    let source: Source

    /// A reader for the file at `path` (used in messages); relative dataset paths are resolved
    /// against `baseDirectory`.
    public init(path: String, baseDirectory: String, source: Source) {
        self.nodes = ConfigNodes(path: path)
        self.baseDirectory = baseDirectory
        self.source = source
    }

    /// The keys `source` accepts at the top level of a config.
    public static func keys(for source: Source) -> [String] {
        TrainingConfig.CodingKeys.allCases.map(\.rawValue)
            .filter { source == .configFile || $0 != TrainingConfig.CodingKeys.seed.rawValue }
    }

    /// Reads and validates the YAML training config file at `path`.
    public static func load(path: String) throws(TrainingConfigFileError) -> TrainingConfig {
        func failure(_ problem: TrainingConfigProblem) -> TrainingConfigFileError {
            TrainingConfigFileError(
                path: path, line: nil, column: nil, keyPath: "", value: nil, problem: problem)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure(.fileNotFound)
        }
        guard !isDirectory.boolValue else { throw failure(.unreadable(reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure(.unreadable(reason: "permission denied or I/O error"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure(.unreadable(reason: "not UTF-8 text"))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try TrainingConfigReader(path: path, baseDirectory: folder, source: .configFile)
            .read(text: text)
    }

    /// Reads a whole YAML document holding one training config.
    public func read(text: String) throws(TrainingConfigFileError) -> TrainingConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw malformed(error)
        } catch {
            throw nodes.error(.malformedYAML(reason: "\(error)"), at: nil, "")
        }
        guard let root else { throw nodes.error(.emptyDocument, at: nil, "") }
        return try read(root, keyPath: "")
    }

    /// Reads the mapping `node` found at `keyPath` (empty for a document's root).
    public func read(_ node: Node, keyPath: String) throws(TrainingConfigFileError)
        -> TrainingConfig
    {
        let allowed = Self.keys(for: source)
        var config = TrainingConfig()
        var dataNode = node
        for entry in try nodes.mapping(node, keyPath) {
            guard let key = TrainingConfig.CodingKeys(rawValue: entry.key),
                allowed.contains(entry.key)
            else {
                if entry.key == TrainingConfig.CodingKeys.seed.rawValue {
                    throw nodes.error(
                        .notInSweepTrainer(useInstead: "the top-level seed"), at: entry.keyNode,
                        entry.keyPath)
                }
                let suggestion = KeySuggestion.closest(to: entry.key, among: allowed)
                throw nodes.error(
                    .unknownKey(suggestion: suggestion), at: entry.keyNode, entry.keyPath)
            }
            let (value, path) = (entry.value, entry.keyPath)
            switch key {
            case .lr: config.lr = try nodes.number(value, path, TrainingBounds.lr)
            case .weightDecay:
                config.weightDecay = try nodes.number(value, path, TrainingBounds.weightDecay)
            case .batchSize:
                config.batchSize = try nodes.integer(value, path, TrainingBounds.batchSize)
            case .loss:
                let text = try nodes.text(value, path)
                guard let loss = LossKind(rawValue: text) else {
                    throw nodes.error(.unknownLoss, at: value, path, value: text)
                }
                config.loss = loss
            case .epochs: config.epochs = try nodes.integer(value, path, TrainingBounds.epochs)
            case .seed: config.seed = try nodes.seed(value, path)
            case .momentum:
                config.momentum = try nodes.number(value, path, TrainingBounds.momentum)
            case .warmupEpochs:
                config.warmupEpochs = try nodes.number(value, path, TrainingBounds.warmupEpochs)
            case .focalAlpha:
                config.focalAlpha = try nodes.number(value, path, TrainingBounds.focalAlpha)
            case .focalGamma:
                config.focalGamma = try nodes.number(value, path, TrainingBounds.focalGamma)
            case .divergeFactor:
                config.divergeFactor = try nodes.number(value, path, TrainingBounds.divergeFactor)
            case .attention:
                let text = try nodes.text(value, path)
                guard let attention = AttentionKind(rawValue: text) else {
                    throw nodes.error(.unknownAttention, at: value, path, value: text)
                }
                config.attention = attention
            case .mosaic, .scale, .translate, .hsvH, .hsvS, .hsvV, .fliplr, .copyPaste:
                let setting = TrainingConfig.augmentationSetting(key)
                config[keyPath: setting.field] = try nodes.number(value, path, setting.bound)
            case .data:
                config.data = try readData(entry.keyNode, value, path)
                dataNode = entry.keyNode
            }
        }
        do {
            try config.validate()
        } catch {
            throw nodes.error(
                .outOfRange(requirement: error.requirement), at: dataNode,
                keyPath.isEmpty ? error.key : "\(keyPath).\(error.key)", value: error.value)
        }
        return config
    }

    private func readData(_ keyNode: Node, _ node: Node, _ keyPath: String)
        throws(TrainingConfigFileError) -> DataSource
    {
        typealias Key = DataSource.CodingKeys
        var byKey: [Key: (keyNode: Node, value: Node, keyPath: String)] = [:]
        for entry in try nodes.mapping(node, keyPath) {
            guard let key = Key(rawValue: entry.key) else {
                let suggestion = KeySuggestion.closest(
                    to: entry.key, among: Key.allCases.map(\.rawValue))
                throw nodes.error(
                    .unknownKey(suggestion: suggestion), at: entry.keyNode, entry.keyPath)
            }
            byKey[key] = (entry.keyNode, entry.value, entry.keyPath)
        }
        switch (byKey[.synthetic], byKey[.yolo]) {
        case (_?, _?): throw nodes.error(.bothDataSources, at: keyNode, keyPath)
        case (nil, nil): throw nodes.error(.noDataSource, at: keyNode, keyPath)
        case (let synthetic?, nil):
            if let skip = byKey[.skipCorrupt] {
                throw nodes.error(.skipCorruptWithoutYOLO, at: skip.keyNode, skip.keyPath)
            }
            for (key, suggestion) in [(Key.imageSize, "synthetic.image_size"), (.resize, nil)] {
                if let entry = byKey[key] {
                    throw nodes.error(
                        .unknownKey(suggestion: suggestion), at: entry.keyNode, entry.keyPath)
                }
            }
            return .synthetic(try readSynthetic(synthetic.value, synthetic.keyPath))
        case (nil, let yolo?):
            let skipCorrupt = try byKey[.skipCorrupt].map {
                entry throws(TrainingConfigFileError) in
                try nodes.boolean(entry.value, entry.keyPath)
            }
            let imageSize = try byKey[.imageSize].map { entry throws(TrainingConfigFileError) in
                try nodes.integer(entry.value, entry.keyPath, TrainingBounds.imageSize)
            }
            let resize = try byKey[.resize].map { entry throws(TrainingConfigFileError) in
                let text = try nodes.text(entry.value, entry.keyPath)
                guard let mode = ResizeMode(rawValue: text) else {
                    throw nodes.error(
                        .wrongType(expected: "letterbox or stretch"), at: entry.value,
                        entry.keyPath)
                }
                return mode
            }
            return .yolo(
                path: try resolveDataFile(yolo.value, yolo.keyPath),
                skipCorrupt: skipCorrupt ?? false,
                imageSize: imageSize ?? DatasetLoader.defaultYOLOImageSize,
                resize: resize ?? .letterbox)
        }
    }

    private func readSynthetic(_ node: Node, _ keyPath: String) throws(TrainingConfigFileError)
        -> SyntheticDatasetOptions
    {
        typealias Key = SyntheticDatasetOptions.CodingKeys
        var options = SyntheticDatasetOptions()
        for entry in try nodes.mapping(node, keyPath) {
            guard let key = Key(rawValue: entry.key) else {
                let suggestion = KeySuggestion.closest(
                    to: entry.key, among: Key.allCases.map(\.rawValue))
                throw nodes.error(
                    .unknownKey(suggestion: suggestion), at: entry.keyNode, entry.keyPath)
            }
            let (value, path) = (entry.value, entry.keyPath)
            switch key {
            case .imageSize:
                options.imageSize = try nodes.integer(value, path, TrainingBounds.imageSize)
            case .trainImages:
                options.trainImages = try nodes.integer(value, path, TrainingBounds.trainImages)
            case .valImages:
                options.valImages = try nodes.integer(value, path, TrainingBounds.valImages)
            case .seed: options.seed = try nodes.seed(value, path)
            }
        }
        return options
    }

    /// A relative `data.yaml` path is taken relative to ``baseDirectory``.
    private func resolveDataFile(_ node: Node, _ keyPath: String) throws(TrainingConfigFileError)
        -> String
    {
        let path = try nodes.text(node, keyPath)
        let resolved =
            path.hasPrefix("/")
            ? path
            : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardized.path
        guard !path.isEmpty, FileManager.default.fileExists(atPath: resolved) else {
            throw nodes.error(
                .dataFileNotFound(resolved: resolved), at: node, keyPath, value: "\"\(path)\"")
        }
        return resolved
    }

    private func malformed(_ error: YamlError) -> TrainingConfigFileError {
        func located(_ problem: TrainingConfigProblem, _ mark: Mark?)
            -> TrainingConfigFileError
        {
            TrainingConfigFileError(
                path: nodes.path, line: mark?.line, column: mark?.column, keyPath: "", value: nil,
                problem: problem)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return located(.malformedYAML(reason: prefix + problem), mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            var duplicate = located(.duplicateKey, context.mark)
            duplicate.keyPath = duplicates.first ?? ""
            return duplicate
        default:
            return located(.malformedYAML(reason: "\(error)"), nil)
        }
    }
}
