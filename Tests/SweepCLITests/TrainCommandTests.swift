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

    @Test func rejectsAnUnknownLossAndZeroThreads() {
        #expect(throws: (any Error).self) { try parse(["--loss", "hinge"]) }
        #expect(throws: (any Error).self) { try parse(["--threads", "0"]) }
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
        await #expect(throws: TrainingConfigError.self) { try await command.run() }
    }

    @Test func trainsATinyConfigWithFlagsOverridingTheFile() async throws {
        let path = try scratchFile(
            "tiny.yaml",
            """
            lr: 0.02
            epochs: 5
            batch_size: 4
            data:
              synthetic: {image_size: 32, train_images: 8, val_images: 4, seed: 1}
            """)
        try await parse(["--config", path, "--epochs", "1", "--json"]).run()
    }

    @Test func userMistakesAreClearErrors() async throws {
        await #expect(throws: TrainingConfigError.self) { try await parse(["--lr=-1"]).run() }
        await #expect(throws: DatasetError.missingFile(path: "/nonexistent/data.yaml")) {
            try await parse(["--data", "/nonexistent/data.yaml"]).run()
        }
        let bad = try scratchFile("bad.yaml", "batch_size: [1, 2]\n")
        await #expect(throws: TrainingConfigFileError.self) {
            try await parse(["--config", bad]).run()
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

    @Test func syntheticFlagsWithAYOLODatasetAreBothDataSources() throws {
        #expect {
            try parse(["--data", "d/data.yaml", "--train-images", "8"]).trainingConfig()
        } throws: { error in
            let error = error as? TrainingConfigError
            return error?.key == "--image-size, --train-images, --val-images"
                && error?.value == "a YOLO dataset from --data d/data.yaml"
        }
    }
}
