import ArgumentParser

struct BenchOrchestratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orchestrator", abstract: "Per-trial overhead and --jobs scaling.")

    func run() async throws {
        throw ValidationError("'orchestrator' is not implemented yet")
    }
}
