import Foundation
import Testing

@testable import Trainer

/// Exporting onto a file fails naming the file that is in the way, not an NSCocoaErrorDomain code;
/// a non-empty folder is refused; the written data.yaml reads the folder it lies in.
@Suite struct YOLODatasetWriterTests {
    static let options = SyntheticDatasetOptions(
        imageSize: 32, trainImages: 2, valImages: 1, seed: 4)

    @Test func exportUnderAFileNamesTheFile() throws {
        let file = try TestFiles.scratchFolder() + "/plain.txt"
        try "text".write(toFile: file, atomically: true, encoding: .utf8)
        let options = SyntheticDatasetOptions(imageSize: 32, trainImages: 1, valImages: 1, seed: 1)
        #expect(
            throws: DatasetError.writeFailed(
                path: file + "/images/train", reason: "'\(file)' is a file, not a folder")
        ) { try SyntheticDatasetExport.export(options, to: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "text")
    }

    @Test func aCopiedDatasetReadsItsOwnImages() throws {
        let original = try TestFiles.scratchFolder() + "/original"
        let summary = try SyntheticDatasetExport.export(Self.options, to: original)
        let text = try String(contentsOfFile: summary.dataFile, encoding: .utf8)
        #expect(text.hasPrefix("train: images/train\nval: images/val\nnc: 4\n"))
        #expect(!text.contains("path:") && !text.contains(original))
        let copy = try TestFiles.scratchFolder() + "/copy"
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        try FileManager.default.removeItem(atPath: original)
        let split = try YOLODatasetReader.read(
            dataFile: copy + "/data.yaml", imageSize: 32, skipCorrupt: false
        ).split
        #expect(split.train.images.count == 2 && split.val.images.count == 1)
    }

    @Test(arguments: [["stale.png"], [".hidden"], ["images", "data.yaml"]])
    func aNonEmptyDestinationIsRefusedAndLeftAlone(entries: [String]) throws {
        let folder = try TestFiles.scratchFolder()
        for entry in entries {
            try "old".write(toFile: folder + "/" + entry, atomically: true, encoding: .utf8)
        }
        #expect(throws: DatasetError.destinationNotEmpty(path: folder, entries: entries.count)) {
            try SyntheticDatasetExport.export(Self.options, to: folder)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.sorted() == entries.sorted())
    }

    @Test func exportingTwiceIntoTheSameFolderIsRefused() throws {
        let folder = try TestFiles.scratchFolder()
        try SyntheticDatasetExport.export(Self.options, to: folder)
        let error = #expect(throws: DatasetError.self) {
            try SyntheticDatasetExport.export(Self.options, to: folder)
        }
        #expect(error == .destinationNotEmpty(path: folder, entries: 3))
        #expect(error?.description.hasPrefix("\(folder): the export folder is not empty") == true)
    }

    /// Images are made and written on every core: each file still holds the image of its own
    /// index and split, pixel for pixel, and its label file that image's boxes.
    @Test func everyFileHoldsTheImageOfItsIndex() throws {
        let folder = try TestFiles.scratchFolder() + "/parallel"
        let options = SyntheticDatasetOptions(imageSize: 32, trainImages: 13, valImages: 5, seed: 9)
        let summary = try SyntheticDatasetExport.export(options, to: folder)
        #expect(summary.trainImages == 13 && summary.valImages == 5)
        var objects = 0
        for (name, stream, count) in [("train", UInt64(1), 13), ("val", 2, 5)] {
            for index in 0..<count {
                let made = SyntheticDataset.image(
                    size: 32, seed: options.seed, stream: stream, index: index)
                let stem = folder + "/%@/\(name)/" + String(format: "%06d", index)
                let image = try ImageCodec.decode(
                    file: stem.replacingOccurrences(of: "%@", with: "images") + ".png")
                #expect(image == RGBImage(chw: made.pixels, width: 32, height: 32))
                let labels = try String(
                    contentsOfFile: stem.replacingOccurrences(of: "%@", with: "labels") + ".txt",
                    encoding: .utf8)
                #expect(labels == YOLODatasetWriter.labelText(made))
                objects += made.objects.count
            }
        }
        #expect(summary.objects == objects)
    }
}
