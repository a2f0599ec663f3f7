import ArgumentParser
import Foundation
import Testing

@testable import sweep_cli

@Suite struct ValidateCommandTests {
    private let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func validFileSucceeds() async throws {
        let path = repository.appendingPathComponent("sweeps/quickstart.yaml").path
        let command = try #require(
            try SweepCLI.parseAsRoot(["validate", path]) as? ValidateCommand)
        #expect(command.file == path)
        try await command.run()
    }

    @Test func badFileExitsWithFailure() async throws {
        let path = repository.appendingPathComponent(
            "Tests/SweepTests/Fixtures/bad-sweeps/13-lr-not-positive.yaml"
        ).path
        let command = try #require(
            try SweepCLI.parseAsRoot(["validate", path]) as? ValidateCommand)
        await #expect(throws: ExitCode.failure) { try await command.run() }
    }
}
