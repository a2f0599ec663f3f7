import ArgumentParser
import Trainer

/// The options of the commands that read a YOLO dataset as a trial does (`dataset cache`,
/// `dataset check`, `bench dataset`): which dataset, and how its images are prepared.
struct YOLODatasetOptions: ParsableArguments {
    @Argument(help: "Path of the dataset's data.yaml.")
    var dataFile: String

    @Option(name: .long, parsing: .unconditional, help: "Side the images are resized to.")
    var imageSize: Int = DatasetLoader.defaultYOLOImageSize

    @Option(help: "letterbox (keep aspect, pad grey) or stretch.")
    var resize: ResizeMode = .letterbox

    @Flag(name: .long, help: "Skip corrupt images and label files with a warning.")
    var skipCorrupt = false
}
