import Foundation
import Testing
import Yams

@testable import Trainer

@Suite struct TrainingConfigValidationTests {
    @Test func defaultsAreValid() throws {
        try TrainingConfig().validate()
    }

    @Test(arguments: [
        (TrainingConfig(lr: 0), "lr"), (TrainingConfig(lr: -1), "lr"),
        (TrainingConfig(weightDecay: -0.1), "weight_decay"),
        (TrainingConfig(batchSize: 0), "batch_size"), (TrainingConfig(epochs: -1), "epochs"),
        (TrainingConfig(momentum: 1), "momentum"),
        (TrainingConfig(warmupEpochs: -1), "warmup_epochs"),
        (TrainingConfig(focalAlpha: 2), "focal_alpha"),
    ])
    func rejectsOutOfRangeValuesByKey(config: TrainingConfig, key: String) {
        #expect {
            try config.validate()
        } throws: { error in
            (error as? TrainingConfigError)?.key == key
        }
    }

    @Test func readsBackWhatYAMLEncoderWrites() throws {
        let config = TrainingConfig(
            lr: 0.002, weightDecay: 0.0001, batchSize: 8, loss: .mse, epochs: 4, seed: 11,
            data: .yolo(path: "d/data.yaml", skipCorrupt: true))
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainer-encoded-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ("# comment\n" + YAMLEncoder().encode(config))
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TrainingConfig.load(yamlFile: path) == config)
    }

    @Test func loadsTheBestConfigYAMLAndRejectsBadFiles() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainer-config-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("best.yaml")
        try """
        # Best trial of sweep 'x'
        batch_size: 16
        data:
          synthetic:
            image_size: 64
            seed: 7
            train_images: 32
            val_images: 8
        epochs: 3
        loss: ce
        lr: 0.003
        weight_decay: 0.0001
        """.write(to: good, atomically: true, encoding: .utf8)
        let config = try TrainingConfig.load(yamlFile: good.path)
        #expect(config.lr == 0.003 && config.batchSize == 16 && config.loss == .ce)
        #expect(
            config.data
                == .synthetic(SyntheticDatasetOptions(imageSize: 64, trainImages: 32, valImages: 8))
        )

        let bad = dir.appendingPathComponent("bad.yaml")
        try "lr: fast\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: TrainingConfigFileError.self) {
            try TrainingConfig.load(yamlFile: bad.path)
        }
        let negative = dir.appendingPathComponent("negative.yaml")
        try "lr: -0.1\n".write(to: negative, atomically: true, encoding: .utf8)
        #expect {
            try TrainingConfig.load(yamlFile: negative.path)
        } throws: { error in
            "\(error)".contains("lr -0.1")
        }
        #expect(throws: TrainingConfigFileError.missingFile(path: "/nonexistent.yaml")) {
            try TrainingConfig.load(yamlFile: "/nonexistent.yaml")
        }
    }
}
