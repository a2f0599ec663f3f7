import ArgumentParser

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check a sweep file without running it.")

    func run() async throws {
        throw ValidationError("'validate' is not implemented yet")
    }
}
