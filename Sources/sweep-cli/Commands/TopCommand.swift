import ArgumentParser

struct TopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "Show a sweep's best trials.")

    func run() async throws {
        throw ValidationError("'top' is not implemented yet")
    }
}
