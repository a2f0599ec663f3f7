import ArgumentParser

struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dataset", abstract: "Work with the built-in synthetic dataset.")

    func run() async throws {
        throw ValidationError("'dataset' is not implemented yet")
    }
}
