import ArgumentParser

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train one model and print its metrics.")

    func run() async throws {
        throw ValidationError("'train' is not implemented yet")
    }
}
