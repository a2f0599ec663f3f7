import ArgumentParser

/// `sweep-cli dataset`: work with the built-in synthetic dataset.
struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Work with the built-in synthetic dataset.",
        subcommands: [DatasetExportCommand.self]
    )
}
