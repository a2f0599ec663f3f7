import ArgumentParser
import Foundation
import Sweep

/// Hidden: runs one trial for `run`, reading its config as JSON and printing JSON lines.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one trial and stream JSON lines (used by 'run').",
        discussion: """
            Reads one trial config (JSON) from stdin, or from CONFIG when given, and prints one \
            {"epoch":…} line per epoch, then {"result":…}; a bad config or dataset prints \
            {"error":…} and exits with status 2.
            """,
        shouldDisplay: false)

    @Option(help: "The trial's key (must match the config; identifies the worker process).")
    var trial: String?

    @Argument(help: "A trial config JSON file instead of stdin.")
    var config: String?

    func run() async throws {
        let input: Data
        if let config {
            guard let data = FileManager.default.contents(atPath: config) else {
                throw ValidationError("\(config): cannot read the trial config file")
            }
            input = data
        } else {
            input = FileHandle.standardInput.readDataToEndOfFile()
        }
        let status = TrialWorker.run(input: input, trialKey: trial) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        if status != 0 {
            throw ExitCode(status)
        }
    }
}
