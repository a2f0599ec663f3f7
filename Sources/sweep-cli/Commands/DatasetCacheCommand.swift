import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli dataset cache`: prepares a YOLO dataset's cache ahead of a sweep.
struct DatasetCacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Decode and resize a YOLO dataset once into its cache file.",
        discussion: """
            Writes (or checks) the uint8 cache that 'run' and 'train' map instead of decoding \
            the images, one file per dataset, image size and resize mode. It is rebuilt when \
            an image or label file changes and when it is damaged.
            """)

    @OptionGroup var dataset: YOLODatasetOptions

    @Option(help: "The dataset cache folder.")
    var cache = DatasetCache.defaultFolder

    func run() async throws {
        let started = ContinuousClock.now
        let loaded = try DatasetCache(folder: cache).load(
            dataFile: dataset.dataFile, imageSize: dataset.imageSize, resize: dataset.resize,
            skipCorrupt: dataset.skipCorrupt
        ) { note in
            print("note: \(note)")
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        for warning in loaded.warnings {
            print("warning: skipped: \(warning)")
        }
        let images = loaded.split.train.images.count + loaded.split.val.images.count
        let megabytes = Double(images * 3 * dataset.imageSize * dataset.imageSize) / 1_048_576
        let what = loaded.origin == .built ? "built" : "up to date"
        print(
            "\(loaded.path): \(what), \(loaded.split.train.images.count) train + "
                + "\(loaded.split.val.images.count) val images of \(dataset.imageSize)² "
                + "(\(dataset.resize.rawValue)), \(String(format: "%.0f", megabytes)) MiB, "
                + "in \(String(format: "%.2f", seconds)) s")
    }
}
