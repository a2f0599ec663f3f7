import ArgumentParser
import Foundation
import Testing
import Trainer

@testable import sweep_cli

@Suite struct TrainCommandTests {
    private func parse(_ arguments: [String]) throws -> TrainCommand {
        try #require(try SweepCLI.parseAsRoot(["train"] + arguments) as? TrainCommand)
    }

    private func scratchFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func parsesTheHyperparameterFlags() throws {
        let command = try parse([
            "--lr", "0.05", "--weight-decay", "0.001", "--batch-size", "16", "--loss", "ce",
            "--epochs", "3", "--seed", "9", "--threads", "1", "--json",
        ])
        #expect(command.lr == 0.05 && command.weightDecay == 0.001 && command.batchSize == 16)
        #expect(command.loss == .ce && command.epochs == 3 && command.seed == 9 && command.json)
    }

    @Test func rejectsAnUnknownLossNamingTheChoices() {
        #expect {
            try parse(["--loss", "hinge"])
        } throws: { error in
            let message = TrainCommand.message(for: error)
            return TrainCommand.exitCode(for: error) == .validationFailure
                && message.contains("'hinge'") && message.contains("--loss")
                && LossKind.allCases.allSatisfy { message.contains("'\($0.rawValue)'") }
        }
    }

    @Test func attentionFlagOverridesTheConfigAndUnknownKindsAreRefused() throws {
        let path = try scratchFile("a.yaml", "attention: se\nmosaic: 0.5\n")
        let training = try parse(["--config", path, "--attention", "cbam"]).trainingConfig()
        #expect(training.attention == .cbam && training.mosaic == 0.5)
        #expect {
            try parse(["--attention", "transformer"])
        } throws: { error in
            let message = TrainCommand.message(for: error)
            return message.contains("'transformer'") && message.contains("--attention")
                && AttentionKind.allCases.allSatisfy { message.contains("'\($0.rawValue)'") }
        }
    }

    @Test(arguments: [0, -1])
    func rejectsThreadsBelowOneWithTheRange(threads: Int) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect {
            try parse(["--threads", String(threads)])
        } throws: { error in
            TrainCommand.exitCode(for: error) == .validationFailure
                && TrainCommand.message(for: error)
                    == "--threads must be between 1 and \(cores) (this machine's cores); "
                    + "got \(threads)"
        }
    }

    @Test func moreThreadsThanCoresAreRefusedWithTheLimit() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect {
            try parse(["--threads", String(cores + 1)])
        } throws: { error in
            TrainCommand.message(for: error).contains("between 1 and \(cores)")
        }
    }

    /// A negative number is read as the option's value, so the range check names it instead of
    /// ArgumentParser reporting a missing value.
    @Test func negativeValuesReachTheRangeChecks() async throws {
        let command = try parse(["--epochs", "-1", "--lr", "-0.1"])
        #expect(command.epochs == -1 && command.lr == -0.1)
        await #expect {
            try await command.run()
        } throws: { error in
            (error as? TrainingConfigError).map { $0.key == "lr" && $0.value == "-0.1" } ?? false
        }
        let epochsOnly = try parse(["--epochs", "-1"])
        #expect {
            try epochsOnly.trainingConfig()
        } throws: { error in
            (error as? TrainingConfigError).map { $0.key == "epochs" && $0.value == "-1" } ?? false
        }
    }

    private static let tinyConfig = """
        lr: 0.02
        epochs: 5
        batch_size: 4
        data:
          synthetic: {image_size: 32, train_images: 8, val_images: 4, seed: 1}
        """

    @Test func flagsOverrideTheFileAndTheFileOverridesTheDefaults() throws {
        let path = try scratchFile("tiny.yaml", Self.tinyConfig)
        let training = try parse(["--config", path, "--epochs", "1", "--loss", "ce"])
            .trainingConfig()
        var expected = TrainingConfig(
            lr: 0.02, batchSize: 4, loss: .ce, epochs: 1,
            data: .synthetic(
                SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4, seed: 1)))
        #expect(training == expected)
        expected.epochs = 5
        expected.loss = TrainingConfig().loss
        #expect(try parse(["--config", path]).trainingConfig() == expected)
    }

    /// End to end: the binary trains the file's tiny dataset for the one epoch the flag asks for.
    @Test func trainsATinyConfigWithFlagsOverridingTheFile() throws {
        let path = try scratchFile("tiny.yaml", Self.tinyConfig)
        let log = path + ".log"
        let status = try CLIRun.run(
            ["train", "--config", path, "--epochs", "1", "--json"], log: log)
        let output = try String(contentsOfFile: log, encoding: .utf8)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("epoch ") }.map { $0.prefix(10) } == ["epoch 1/1 "])
        let json = try JSONSerialization.jsonObject(with: Data(try #require(lines.last).utf8))
        let object = try #require(json as? [String: Any], "\(output)")
        #expect(object["epochs"] as? Int == 1)
        #expect(object["status"] as? String == "completed")
    }

    @Test func userMistakesAreClearErrors() async throws {
        await #expect {
            try await parse(["--lr=-1"]).run()
        } throws: { error in
            (error as? TrainingConfigError).map { $0.key == "lr" && $0.value == "-1.0" } ?? false
        }
        await #expect(throws: DatasetError.missingFile(path: "/nonexistent/data.yaml")) {
            try await parse(["--data", "/nonexistent/data.yaml"]).run()
        }
        let bad = try scratchFile("bad.yaml", "batch_size: [1, 2]\n")
        await #expect {
            try await parse(["--config", bad]).run()
        } throws: { error in
            guard let error = error as? TrainingConfigFileError else { return false }
            return error.path == bad && error.line == 1 && error.keyPath == "batch_size"
                && error.problem == .wrongType(expected: "a whole number")
        }
        let missing = bad + ".missing"
        await #expect {
            try await parse(["--config", missing]).run()
        } throws: { error in
            guard let error = error as? TrainingConfigFileError else { return false }
            return error.path == missing && error.problem == .fileNotFound
        }
    }

    /// A misspelt key no longer trains silently with the defaults: the file, line, key and a
    /// suggestion, before any training.
    @Test(arguments: [
        ("weight_decy: 0.1\n", "weight_decy", "weight_decay"),
        ("epoch: 3\n", "epoch", "epochs"), ("batchsize: 8\n", "batchsize", "batch_size"),
        ("diverge_facter: 3\n", "diverge_facter", "diverge_factor"),
    ])
    func anUnknownConfigKeyIsRefusedWithASuggestion(text: String, key: String, suggestion: String)
        throws
    {
        let path = try scratchFile("best.yaml", "# exported\n" + text)
        #expect(
            throws: TrainingConfigFileError(
                path: path, line: 2, column: 1, keyPath: key, value: nil,
                problem: .unknownKey(suggestion: suggestion))
        ) {
            try parse(["--config", path]).trainingConfig()
        }
    }

    @Test func flagsAreCheckedAgainstTheSameBounds() throws {
        #expect(
            throws: TrainingConfigError(
                key: "data.synthetic.image_size", value: "100000", requirement: "must be <= 4096")
        ) {
            try parse(["--image-size", "100000"]).trainingConfig()
        }
        #expect(
            throws: TrainingConfigError(
                key: "diverge_factor", value: "0.5", requirement: "must be > 1")
        ) {
            try parse(["--diverge-factor", "0.5"]).trainingConfig()
        }
        let config = try parse([
            "--image-size", "48", "--train-images", "6", "--val-images", "2", "--diverge-factor",
            "40",
        ]).trainingConfig()
        #expect(
            config.data
                == .synthetic(SyntheticDatasetOptions(imageSize: 48, trainImages: 6, valImages: 2)))
        #expect(config.divergeFactor == 40)
    }

    @Test func imageSizeAndResizeApplyToAYOLODataset() throws {
        let config = try parse([
            "--data", "d/data.yaml", "--image-size", "256", "--resize", "stretch",
        ])
        .trainingConfig()
        #expect(
            config.data
                == .yolo(path: "d/data.yaml", skipCorrupt: false, imageSize: 256, resize: .stretch))
        #expect(throws: TrainingConfigError.self) {
            try parse(["--resize", "stretch"]).trainingConfig()
        }
    }

    @Test func syntheticFlagsWithAYOLODatasetAreBothDataSources() throws {
        #expect {
            try parse(["--data", "d/data.yaml", "--train-images", "8"]).trainingConfig()
        } throws: { error in
            let error = error as? TrainingConfigError
            return error?.key == "--train-images, --val-images"
                && error?.value == "a YOLO dataset from --data d/data.yaml"
        }
    }
}
