import ArgumentParser

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sweeps in the database.")

    func run() async throws {
        throw ValidationError("'list' is not implemented yet")
    }
}
