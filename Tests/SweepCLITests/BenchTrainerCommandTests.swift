import ArgumentParser
import Testing
@testable import sweep_cli

@Suite struct BenchTrainerCommandTests {
    @Test func defaultsCoverBothNetworksAtThreeBatchSizes() throws {
        let command = try BenchTrainerCommand.parse([])
        #expect(command.batchSizes == [16, 32, 64])
        #expect(command.networks == [.detector, .r1])
        #expect(command.pytorch == nil && !command.json)
    }

    @Test func parsesListsAndThePyTorchScript() throws {
        let command = try BenchTrainerCommand.parse([
            "--batch-sizes", "8, 24", "--networks", "r1", "--steps", "3", "--pytorch",
            "bench/pytorch_r1.py", "--json",
        ])
        #expect(command.batchSizes == [8, 24])
        #expect(command.networks == [.r1])
        #expect(command.steps == 3)
        #expect(command.pytorch == "bench/pytorch_r1.py" && command.json)
    }

    @Test(arguments: [
        (["--batch-sizes", "16,x"], "'x' is not a positive integer"),
        (["--batch-sizes", "0"], "'0' is not a positive integer"),
        (["--networks", "yolo"], "unknown network 'yolo'"),
        (["--steps", "0"], "--steps must be positive"),
    ])
    func rejectsBadOptions(arguments: [String], message: String) {
        #expect {
            try BenchTrainerCommand.parse(arguments)
        } throws: { error in
            BenchTrainerCommand.message(for: error).contains(message)
        }
    }
}
