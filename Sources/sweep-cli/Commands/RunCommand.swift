import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run (or continue) a sweep file.")

    func run() async throws {
        throw ValidationError("'run' is not implemented yet")
    }
}
