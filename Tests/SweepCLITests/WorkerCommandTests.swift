import ArgumentParser
import Foundation
import Sweep
import Testing
import Trainer

@testable import sweep_cli

/// `sweep-cli worker` validates its trial config exactly like `train` before any work.
@Suite struct WorkerCommandTests {
    @Test(arguments: [-3, 10_001])
    func aWorkerWithOutOfBoundEpochsExitsWithTheErrorStatus(epochs: Int) async throws {
        let training = TrainingConfig(
            epochs: epochs,
            data: .synthetic(SyntheticDatasetOptions(imageSize: 32, trainImages: 4, valImages: 2)))
        let trial = TrialConfig(
            index: 0, key: "w-0",
            parameters: TrialParameters(lr: 0.01, weightDecay: 0.0005, batchSize: 32, loss: .focal),
            seed: 0, training: training)
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("worker-\(UUID().uuidString).json")
        try JSONEncoder().encode(trial).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let command = try #require(
            try SweepCLI.parseAsRoot(["worker", "--trial", "w-0", file.path]) as? WorkerCommand)
        await #expect(throws: ExitCode(TrialWorker.errorExitCode)) { try await command.run() }
    }
}
