import ArgumentParser
import Foundation
import Sweep
import Trainer

/// `sweep-cli dataset coco`: writes one split of a YOLO dataset as COCO ground truth.
struct DatasetCOCOCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coco",
        abstract: "Write one split of a YOLO dataset as COCO ground-truth JSON.",
        discussion: """
            The ground truth a command trainer's predictions file is scored against \
            (trainer.ground_truth). Images keep their own pixel size; image ids are the file \
            stems when all are whole numbers (as Ultralytics' save_json writes them), else the \
            position in the sorted image list from 1; category = class index + 1; boxes are \
            pixel [x, y, w, h].
            """
    )

    @Argument(help: "Path of the dataset's data.yaml.")
    var dataFile: String

    @Option(name: .long, help: "The split to write (train or val).")
    var split: String = YOLOSplit.val.rawValue

    @Option(name: .long, help: "The COCO JSON file to write.")
    var out: String

    func validate() throws {
        guard YOLOSplit(rawValue: split) != nil else {
            throw ValidationError("--split must be train or val, got '\(split)'")
        }
    }

    func run() async throws {
        let truth = try YOLOGroundTruth.read(
            dataFile: dataFile, split: YOLOSplit(rawValue: split) ?? .val)
        do {
            try ExportFile.write(truth.json(), to: out)
        } catch {
            throw DatasetError.writeFailed(path: out, reason: error.reason)
        }
        print(
            "wrote \(truth.images.count) images, \(truth.annotations.count) objects, "
                + "\(truth.classNames.count) categories to \(out)")
    }
}
