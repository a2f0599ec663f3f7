import ArgumentParser

struct BenchEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluator speed on the 5,000-image synthetic case.")

    func run() async throws {
        throw ValidationError("'eval' is not implemented yet")
    }
}
