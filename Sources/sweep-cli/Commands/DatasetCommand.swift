import ArgumentParser

/// `sweep-cli dataset`: work with the built-in synthetic dataset.
struct DatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract:
            "Export the built-in synthetic dataset; check or cache a YOLO dataset; write its COCO "
            + "ground truth.",
        subcommands: [
            DatasetExportCommand.self, DatasetCheckCommand.self, DatasetCacheCommand.self,
            DatasetCOCOCommand.self,
        ]
    )
}
