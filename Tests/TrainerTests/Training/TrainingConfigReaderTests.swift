import Foundation
import Testing
import Yams

@testable import Trainer

/// One bad training config fixture and the error it must produce.
struct BadConfigCase: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int?
    let key: String
    let value: String?
    let problem: TrainingConfigProblem

    var testDescription: String { file }

    init(
        _ file: String, line: Int?, key: String, value: String? = nil,
        _ problem: TrainingConfigProblem
    ) {
        self.file = file
        self.line = line
        self.key = key
        self.value = value
        self.problem = problem
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad-configs").path

    static let all: [BadConfigCase] = [
        .init(
            "01-misspelt-weight-decay.yaml", line: 3, key: "weight_decy",
            .unknownKey(suggestion: "weight_decay")),
        .init("02-epoch.yaml", line: 2, key: "epoch", .unknownKey(suggestion: "epochs")),
        .init(
            "03-batchsize.yaml", line: 1, key: "batchsize", .unknownKey(suggestion: "batch_size")),
        .init(
            "04-lr-not-a-number.yaml", line: 1, key: "lr", value: "fast",
            .wrongType(expected: "a number")),
        .init("05-fractional-epochs.yaml", line: 1, key: "epochs", value: "2.5", .notAnInteger),
        .init(
            "06-negative-epochs.yaml", line: 1, key: "epochs", value: "-3",
            .outOfRange(requirement: "must be >= 0")),
        .init("07-unknown-loss.yaml", line: 1, key: "loss", value: "hinge", .unknownLoss),
        .init("08-both-data-sources.yaml", line: 1, key: "data", .bothDataSources),
        .init("09-no-data-source.yaml", line: 1, key: "data", .noDataSource),
        .init(
            "10-image-size-too-large.yaml", line: 3, key: "data.synthetic.image_size",
            value: "100000", .outOfRange(requirement: "must be <= 4096")),
        .init(
            "11-train-images-too-many.yaml", line: 3, key: "data.synthetic.train_images",
            value: "1000000000000", .outOfRange(requirement: "must be <= 1000000")),
        .init(
            "12-dataset-too-large.yaml", line: 1, key: "data.synthetic",
            value: "train_images 600, val_images 128, image_size 4096",
            .outOfRange(
                requirement: "(train_images + val_images) × image_size² × 3 × 4 bytes must be "
                    + "<= 8 GiB; these images need 136.5 GiB")),
        .init(
            "13-misspelt-synthetic-key.yaml", line: 2, key: "data.synthetic.image_sise",
            .unknownKey(suggestion: "image_size")),
        .init(
            "14-batch-size-list.yaml", line: 1, key: "batch_size", value: "a list",
            .wrongType(expected: "a whole number")),
        .init(
            "15-momentum-one.yaml", line: 1, key: "momentum", value: "1",
            .outOfRange(requirement: "must be < 1")),
        .init("16-duplicate-key.yaml", line: 1, key: "lr", .duplicateKey),
        .init(
            "17-missing-yolo-file.yaml", line: 2, key: "data.yolo", value: "\"missing/data.yaml\"",
            .dataFileNotFound(resolved: folder + "/missing/data.yaml")),
        .init(
            "18-diverge-factor-one.yaml", line: 1, key: "diverge_factor", value: "1",
            .outOfRange(requirement: "must be > 1")),
        .init(
            "19-negative-seed.yaml", line: 1, key: "seed", value: "-1",
            .wrongType(expected: "a whole number from 0 to 18446744073709551615")),
        .init(
            "20-malformed.yaml", line: 2, key: "",
            .malformedYAML(
                reason: "while parsing a flow sequence (line 1): "
                    + "did not find expected ',' or ']'")),
        .init(
            "21-skip-corrupt-synthetic.yaml", line: 3, key: "data.skip_corrupt",
            .skipCorruptWithoutYOLO),
        .init("22-not-a-mapping.yaml", line: 1, key: "", value: "a list", .notAMapping),
        .init(
            "23-unknown-attention.yaml", line: 1, key: "attention", value: "transformer",
            .unknownAttention),
        .init(
            "24-mosaic-above-one.yaml", line: 2, key: "mosaic", value: "1.5",
            .outOfRange(requirement: "must be <= 1")),
        .init(
            "25-misspelt-copy-paste.yaml", line: 1, key: "copy_pste",
            .unknownKey(suggestion: "copy_paste")),
    ]
}

@Suite struct TrainingConfigReaderTests {
    @Test func everyBadConfigFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: BadConfigCase.folder)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count == 25)
        #expect(files == BadConfigCase.all.map(\.file).sorted())
    }

    @Test(arguments: BadConfigCase.all)
    func badConfigsAreRefusedWithTheirLocation(_ bad: BadConfigCase) {
        let path = BadConfigCase.folder + "/" + bad.file
        #expect {
            try TrainingConfigReader.load(path: path)
        } throws: { error in
            guard let error = error as? TrainingConfigFileError else { return false }
            #expect(error.path == path)
            #expect(error.line == bad.line)
            #expect(error.keyPath == bad.key)
            #expect(error.value == bad.value)
            if case .malformedYAML(let reason) = error.problem,
                case .malformedYAML(let expected) = bad.problem
            {
                #expect(reason.hasPrefix(expected), "\(reason)")
            } else {
                #expect(error.problem == bad.problem)
            }
            return true
        }
    }

    @Test func theMessageNamesFileLineKeyAndSuggestion() throws {
        let path = BadConfigCase.folder + "/01-misspelt-weight-decay.yaml"
        #expect {
            try TrainingConfigReader.load(path: path)
        } throws: { error in
            "\(error)"
                == "\(path):3: weight_decy: unknown training config key; "
                + "did you mean 'weight_decay'?"
        }
    }

    @Test func missingKeysTakeTheirDefaults() throws {
        let reader = TrainingConfigReader(path: "x.yaml", baseDirectory: "/", source: .configFile)
        let config = try reader.read(text: "lr: 0.003\nepochs: 2\ndiverge_factor: 50\n")
        var expected = TrainingConfig()
        expected.lr = 0.003
        expected.epochs = 2
        expected.divergeFactor = 50
        #expect(config == expected)
    }

    @Test func readsEveryKeyAndResolvesTheYOLOFileNextToTheConfig() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainer-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(
            atPath: folder + "/d", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "names: [a]\n".write(toFile: folder + "/d/data.yaml", atomically: true, encoding: .utf8)
        let text = """
            lr: 1e-3
            weight_decay: 0.0001
            batch_size: 16
            loss: ce
            epochs: 1_000
            seed: 18446744073709551615
            momentum: 0.937
            warmup_epochs: 0.5
            focal_alpha: 0.3
            focal_gamma: 1.5
            diverge_factor: 20
            data: {yolo: d/data.yaml, skip_corrupt: yes}
            """
        try text.write(toFile: folder + "/best.yaml", atomically: true, encoding: .utf8)
        let config = try TrainingConfigReader.load(path: folder + "/best.yaml")
        #expect(
            config
                == TrainingConfig(
                    lr: 0.001, weightDecay: 0.0001, batchSize: 16, loss: .ce, epochs: 1000,
                    seed: .max, momentum: 0.937, warmupEpochs: 0.5, focalAlpha: 0.3,
                    focalGamma: 1.5, divergeFactor: 20,
                    data: .yolo(
                        path: URL(fileURLWithPath: folder + "/d/data.yaml").standardized.path,
                        skipCorrupt: true)))
    }

    @Test func readsTheYOLOImageSizeAndResize() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainer-reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "names: [a]\n".write(toFile: folder + "/data.yaml", atomically: true, encoding: .utf8)
        let reader = TrainingConfigReader(
            path: "x.yaml", baseDirectory: folder, source: .configFile)
        let config = try reader.read(
            text: "data: {yolo: data.yaml, image_size: 256, resize: stretch}")
        #expect(
            config.data
                == .yolo(
                    path: folder + "/data.yaml", skipCorrupt: false, imageSize: 256,
                    resize: .stretch))
        #expect(
            try reader.read(text: "data: {yolo: data.yaml}").data
                == .yolo(path: folder + "/data.yaml", skipCorrupt: false, imageSize: 128))
        #expect(throws: TrainingConfigFileError.self) {
            try reader.read(text: "data: {yolo: data.yaml, resize: squash}")
        }
        #expect(throws: TrainingConfigFileError.self) {
            try reader.read(text: "data: {synthetic: {}, image_size: 64}")
        }
        #expect(throws: TrainingConfigFileError.self) {
            try reader.read(text: "data: {yolo: data.yaml, image_size: 8}")
        }
    }

    @Test func readsTheAttentionAndAugmentationKeys() throws {
        let reader = TrainingConfigReader(path: "x.yaml", baseDirectory: "/", source: .configFile)
        let text = """
            attention: cbam
            mosaic: 0.5
            scale: 0.25
            translate: 0.1
            hsv_h: 0.015
            hsv_s: 0.7
            hsv_v: 0.4
            fliplr: 0
            copy_paste: 1
            """
        let config = try reader.read(text: text)
        #expect(
            config
                == TrainingConfig(
                    attention: .cbam, mosaic: 0.5, scale: 0.25, translate: 0.1, hsvH: 0.015,
                    hsvS: 0.7, hsvV: 0.4, fliplr: 0, copyPaste: 1))
        #expect(
            config.augmentation
                == Augmentation(
                    mosaic: 0.5, scale: 0.25, translate: 0.1, hsvH: 0.015, hsvS: 0.7, hsvV: 0.4,
                    fliplr: 0, copyPaste: 1))
    }

    @Test func aSweepTrainerBlockTakesNoSeedButAFileDoes() throws {
        let node = try #require(try Yams.compose(yaml: "trainer:\n  seed: 3\n"))
        let block = try #require(node["trainer"])
        let sweep = TrainingConfigReader(path: "s.yaml", baseDirectory: "/", source: .sweepTrainer)
        #expect(
            throws: TrainingConfigFileError(
                path: "s.yaml", line: 2, column: 3, keyPath: "trainer.seed", value: nil,
                problem: .notInSweepTrainer(useInstead: "the top-level seed"))
        ) {
            try sweep.read(block, keyPath: "trainer")
        }
        let file = TrainingConfigReader(path: "f.yaml", baseDirectory: "/", source: .configFile)
        #expect(try file.read(block, keyPath: "trainer").seed == 3)
        #expect(!TrainingConfigReader.keys(for: .sweepTrainer).contains("seed"))
        #expect(TrainingConfigReader.keys(for: .configFile).contains("seed"))
    }

    @Test func aMissingOrEmptyFileIsNamed() throws {
        #expect(
            throws: TrainingConfigFileError(
                path: "/nonexistent.yaml", line: nil, column: nil, keyPath: "", value: nil,
                problem: .fileNotFound)
        ) {
            try TrainingConfigReader.load(path: "/nonexistent.yaml")
        }
        let reader = TrainingConfigReader(path: "e.yaml", baseDirectory: "/", source: .configFile)
        #expect {
            try reader.read(text: "# nothing\n")
        } throws: { error in
            (error as? TrainingConfigFileError)?.problem == .emptyDocument
        }
    }

    @Test func whatYAMLEncoderWritesReadsBack() throws {
        let config = TrainingConfig(
            lr: 0.002, weightDecay: 0.0001, batchSize: 8, loss: .mse, epochs: 4, seed: 11,
            divergeFactor: 30,
            data: .synthetic(SyntheticDatasetOptions(imageSize: 48, trainImages: 20, valImages: 5)))
        let reader = TrainingConfigReader(path: "x.yaml", baseDirectory: "/", source: .configFile)
        #expect(try reader.read(text: "# comment\n" + YAMLEncoder().encode(config)) == config)
    }
}
