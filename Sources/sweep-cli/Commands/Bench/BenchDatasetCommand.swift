import ArgumentParser
import Foundation
import Trainer

/// `sweep-cli bench dataset`: what a trial spends on a YOLO dataset — loading it (through the
/// cache, or decoding it with `--no-cache`) and reading every image as float batches — and the
/// memory the cache mapping takes (`/proc/self/smaps`).
struct BenchDatasetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Per-trial dataset time and memory of a YOLO dataset, cached or not.",
        discussion: """
            Loads the dataset as a trial does, then converts every image to float in batches \
            of 32 as the training loop does, and prints both times and the resident (Rss) and \
            proportional (Pss) memory of the mapped cache. With --hold it then waits for stdin \
            to close, so that scripts/measure-dataset-sharing.py can read two processes' \
            /proc/PID/smaps while both map the cache.
            """)

    @OptionGroup var dataset: YOLODatasetOptions

    @Option(help: "The dataset cache folder.")
    var cache = DatasetCache.defaultFolder

    @Flag(help: "Decode the images in this process instead of mapping the cache.")
    var noCache = false

    @Flag(help: "After measuring, keep the dataset mapped until stdin closes.")
    var hold = false

    func run() async throws {
        let started = ContinuousClock.now
        let split = try DatasetLoader.load(
            .yolo(
                path: dataset.dataFile, skipCorrupt: dataset.skipCorrupt,
                imageSize: dataset.imageSize, resize: dataset.resize),
            cache: noCache ? nil : DatasetCache(folder: cache))
        let loaded = ContinuousClock.now
        var images = 0
        for dataset in [split.train, split.val] {
            let batches = AugmentedBatches(
                dataset: dataset, augmentation: Augmentation(fliplr: 0), seed: 0)
            for start in stride(from: 0, to: dataset.images.count, by: 32) {
                batches.load(Array(start..<min(start + 32, dataset.images.count))[...])
            }
            images += dataset.images.count
        }
        let read = ContinuousClock.now
        print(
            "dataset ready in \(seconds(loaded - started)) s "
                + "(\(noCache ? "decoded" : "cache")); \(images) images of \(dataset.imageSize)² "
                + "read as float batches of 32 in \(seconds(read - loaded)) s")
        // The images map the cache: keep them (and so the mapping) alive while measuring.
        withExtendedLifetime(split) {
            let mapped = Self.cacheMemory()
            print("cache mapping: Rss \(mapped.rss / 1024) MiB, Pss \(mapped.pss / 1024) MiB")
            if hold {
                print("holding the dataset; close stdin to exit")
                fflush(nil)
                while readLine() != nil {}
            }
        }
    }

    private func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", duration / .seconds(1))
    }

    /// Rss and Pss in KiB of this process's mappings of dataset cache files.
    static func cacheMemory() -> (rss: Int, pss: Int) {
        // procfs files report size 0, so read to the end rather than by the size.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile()
        else {
            return (0, 0)
        }
        let text = String(decoding: data, as: UTF8.self)
        var inCache = false
        var total = (rss: 0, pss: 0)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), !first.hasSuffix(":") {
                inCache = line.hasSuffix(".dscache")
            } else if inCache, fields.count >= 2, let kib = Int(fields[1]) {
                if fields[0] == "Rss:" { total.rss += kib }
                if fields[0] == "Pss:" { total.pss += kib }
            }
        }
        return total
    }
}
