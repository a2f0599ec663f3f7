import ArgumentParser
import Foundation
import Sweep

/// `sweep-cli validate FILE`: parse and check a sweep file, print its plan, run nothing.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a sweep file without running it.",
        discussion: """
            Prints the sweep's name, method, number of trials, parameter domains, epochs and \
            dataset, or the first mistake as FILE:LINE: KEY: problem (got VALUE) and exits 1. \
            A W&B sweep file is read in this project's terms, and how each W&B key was read is \
            printed.
            """)

    @Argument(help: "The sweep file (YAML).")
    var file: String

    func run() async throws {
        do {
            let spec = try SweepSpec.load(path: file)
            print(spec.summary(path: file))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
