import Foundation
import Logging
import Testing

@testable import Trainer

@Suite struct DatasetLoaderTests {
    /// Collects the messages logged through it (guarded by a lock).
    final class Collector: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        var messages: [String] { lock.withLock { collected } }

        func log(event: LogEvent) {
            lock.withLock { collected.append("\(event.level): \(event.message)") }
        }
    }

    @Test func syntheticSourceGeneratesTheDataset() throws {
        let options = SyntheticDatasetOptions(imageSize: 32, trainImages: 2, valImages: 1, seed: 1)
        #expect(try DatasetLoader.load(.synthetic(options)) == SyntheticDataset.generate(options))
    }

    @Test func skippedFilesAreLoggedAsWarnings() throws {
        let folder = try TestFiles.scratchFolder()
        let summary = try SyntheticDatasetExport.export(
            SyntheticDatasetOptions(imageSize: 32, trainImages: 3, valImages: 1, seed: 2),
            to: folder)
        try "broken".write(
            toFile: folder + "/images/train/000000.png", atomically: true,
            encoding: .utf8)
        let collector = Collector()
        let logger = Logger(label: "test") { _ in collector }
        let split = try DatasetLoader.load(
            .yolo(path: summary.dataFile, skipCorrupt: true, imageSize: 32), logger: logger)
        #expect(split.train.images.count == 2)
        let messages = collector.messages
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("warning: skipped: ") == true)
        #expect(messages.first?.contains("000000.png") == true)
    }
}
