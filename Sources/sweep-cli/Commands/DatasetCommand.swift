import ArgumentParser

/// `sweep-cli dataset`: work with the built-in synthetic dataset.
struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Export the built-in synthetic dataset; check a YOLO dataset.",
        subcommands: [DatasetExportCommand.self, DatasetCheckCommand.self]
    )
}
