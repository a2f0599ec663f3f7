import ArgumentParser

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the state of a sweep's trials.")

    func run() async throws {
        throw ValidationError("'status' is not implemented yet")
    }
}
