import ArgumentParser

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run one trial and stream JSON lines (used by 'run').", shouldDisplay: false)

    func run() async throws {
        throw ValidationError("'worker' is not implemented yet")
    }
}
