import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli dataset export`: writes the synthetic dataset in the Ultralytics/YOLO layout.
struct DatasetExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the synthetic dataset as a YOLO dataset (data.yaml, images/, labels/).",
        discussion: """
            The result trains with `yolo detect train data=DIR/data.yaml`. The output folder must \
            be new or empty (a non-empty one is refused, so no earlier image mixes with the \
            export); data.yaml has no `path:` key, so the dataset root is its own folder and a \
            copied dataset reads its own images.
            """
    )

    @Option(name: .long, help: "Output folder (created if needed; must be new or empty).")
    var out: String

    @Option(name: .long, parsing: .unconditional, help: "Side of the square images in pixels.")
    var imageSize: Int = SyntheticDatasetOptions().imageSize

    @Option(name: .long, parsing: .unconditional, help: "Number of training images.")
    var trainImages: Int = SyntheticDatasetOptions().trainImages

    @Option(name: .long, parsing: .unconditional, help: "Number of validation images.")
    var valImages: Int = SyntheticDatasetOptions().valImages

    @Option(name: .long, parsing: .unconditional, help: "Generator seed.")
    var seed: UInt64 = SyntheticDatasetOptions().seed

    var options: SyntheticDatasetOptions {
        SyntheticDatasetOptions(
            imageSize: imageSize, trainImages: trainImages, valImages: valImages, seed: seed)
    }

    func run() async throws {
        let started = ContinuousClock.now
        let summary = try SyntheticDatasetExport.export(options, to: out)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print(
            "wrote \(summary.trainImages) train + \(summary.valImages) val images, "
                + "\(summary.objects) objects, to \(summary.dataFile) "
                + "in \(String(format: "%.2f", seconds)) s")
    }
}
