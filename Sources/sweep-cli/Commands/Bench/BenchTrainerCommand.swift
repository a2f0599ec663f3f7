import ArgumentParser

struct BenchTrainerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trainer", abstract: "Trainer throughput and conv GEMM efficiency.")

    func run() async throws {
        throw ValidationError("'trainer' is not implemented yet")
    }
}
