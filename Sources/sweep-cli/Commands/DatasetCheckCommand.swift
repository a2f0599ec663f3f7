import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli dataset check`: reads a YOLO dataset as training would and summarises it.
struct DatasetCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a YOLO data.yaml as training would and print what it holds."
    )

    @Argument(help: "Path of the dataset's data.yaml.")
    var dataFile: String

    @Option(name: .long, parsing: .unconditional, help: "Side the images are resized to.")
    var imageSize: Int = DatasetLoader.defaultYOLOImageSize

    @Option(help: "letterbox (keep aspect, pad grey) or stretch.")
    var resize: ResizeMode = .letterbox

    @Flag(name: .long, help: "Skip corrupt images and label files with a warning.")
    var skipCorrupt = false

    func run() async throws {
        let started = ContinuousClock.now
        let result = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: imageSize, resize: resize, skipCorrupt: skipCorrupt)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        for warning in result.warnings {
            print("warning: skipped: \(warning)")
        }
        print("train: \(DatasetStatistics(result.split.train))")
        print("val: \(DatasetStatistics(result.split.val))")
        print("read in \(String(format: "%.2f", seconds)) s")
    }
}
