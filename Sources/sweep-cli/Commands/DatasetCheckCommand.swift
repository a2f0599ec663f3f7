import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli dataset check`: reads a YOLO dataset as training would and summarises it.
struct DatasetCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a YOLO data.yaml as training would and print what it holds."
    )

    @OptionGroup var dataset: YOLODatasetOptions

    func run() async throws {
        let started = ContinuousClock.now
        let result = try YOLODatasetReader.read(
            dataFile: dataset.dataFile, imageSize: dataset.imageSize, resize: dataset.resize,
            skipCorrupt: dataset.skipCorrupt)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        for warning in result.warnings {
            print("warning: skipped: \(warning)")
        }
        print("train: \(DatasetStatistics(result.split.train))")
        print("val: \(DatasetStatistics(result.split.val))")
        print("read in \(String(format: "%.2f", seconds)) s")
    }
}
