import ArgumentParser

struct BenchASHACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "asha", abstract: "ASHA vs. full grid: best APs found and trial-epochs spent.")

    func run() async throws {
        throw ValidationError("'asha' is not implemented yet")
    }
}
