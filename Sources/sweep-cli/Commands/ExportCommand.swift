import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a sweep's ranking as CSV or its best config as YAML.")

    func run() async throws {
        throw ValidationError("'export' is not implemented yet")
    }
}
