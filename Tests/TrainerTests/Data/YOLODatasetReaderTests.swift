import Foundation
import Logging
import Testing

@testable import Trainer

@Suite struct YOLODatasetReaderTests {
    static let options = SyntheticDatasetOptions(
        imageSize: 32, trainImages: 4, valImages: 2, seed: 5)

    /// Exports the synthetic dataset to a scratch folder; returns the `data.yaml` path.
    func exported() throws -> String {
        let folder = try TestFiles.scratchFolder()
        return try SyntheticDatasetExport.export(Self.options, to: folder).dataFile
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func exportThenLoadEqualsTheGeneratedData() throws {
        let dataFile = try exported()
        let loaded = try DatasetLoader.load(
            .yolo(path: dataFile, skipCorrupt: false, imageSize: 32))
        let generated = SyntheticDataset.generate(Self.options)
        for (got, want) in [(loaded.train, generated.train), (loaded.val, generated.val)] {
            #expect(got.classNames == want.classNames)
            try #require(!want.images.isEmpty && got.images.count == want.images.count)
            #expect(want.images.contains { !$0.objects.isEmpty }, "no boxes to compare")
            for (a, b) in zip(got.images, want.images) {
                #expect(a.width == 32 && a.height == 32)
                try #require(a.pixels.count == b.pixels.count)
                let worst = zip(a.pixels, b.pixels).map { abs($0 - $1) }.max() ?? 1
                #expect(worst <= 0.5 / 255 + 1e-6)
                try #require(a.objects.count == b.objects.count)
                #expect(a.objects.map(\.classIndex) == b.objects.map(\.classIndex))
                for (p, q) in zip(a.objects.map(\.box), b.objects.map(\.box)) {
                    let d = [p.x - q.x, p.y - q.y, p.width - q.width, p.height - q.height]
                    #expect(d.allSatisfy { abs($0) < 1e-3 })
                }
            }
        }
    }

    @Test func resizingScalesBoxes() throws {
        let dataFile = try exported()
        let loaded = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 64,
            skipCorrupt: false
        ).split
        let generated = SyntheticDataset.generate(Self.options)
        let a = loaded.train.images[0]
        let b = generated.train.images[0]
        #expect(a.width == 64 && a.pixels.count == 3 * 64 * 64)
        try #require(!b.objects.isEmpty && a.objects.count == b.objects.count)
        for (p, q) in zip(a.objects.map(\.box), b.objects.map(\.box)) {
            #expect(abs(p.x - 2 * q.x) < 1e-3 && abs(p.width - 2 * q.width) < 1e-3)
            #expect(abs(p.y - 2 * q.y) < 1e-3 && abs(p.height - 2 * q.height) < 1e-3)
        }
    }

    @Test func namesAsListAndNestedFoldersAndMissingLabels() throws {
        let root = try TestFiles.scratchFolder()
        try FileManager.default.createDirectory(
            atPath: root + "/a/images",
            withIntermediateDirectories: true)
        try ImageCodec.writePNG(
            RGBImage(width: 4, height: 4, bytes: .init(repeating: 7, count: 48)),
            to: root + "/a/images/x.png")
        try write("1 0.5 0.5 0.5 0.5\n", root + "/a/labels/x.txt")
        try FileManager.default.createDirectory(
            atPath: root + "/b/images/sub",
            withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestFiles.fixtures + "/red-blue-16x12.jpg",
            toPath: root + "/b/images/sub/y.JPG")
        try ImageCodec.writePNG(
            RGBImage(width: 4, height: 4, bytes: .init(repeating: 9, count: 48)),
            to: root + "/b/images/z.png")
        try write("", root + "/b/labels/z.txt")
        try write("train: a/images\nval: [b/images]\nnames: [cat, dog]\n", root + "/data.yaml")
        let split = try YOLODatasetReader.read(
            dataFile: root + "/data.yaml", imageSize: 32,
            skipCorrupt: false
        ).split
        #expect(split.train.classNames == ["cat", "dog"])
        #expect(
            split.train.images[0].objects
                == [
                    ObjectAnnotation(
                        classIndex: 1, box: BoundingBox(x: 8, y: 8, width: 16, height: 16))
                ])
        #expect(split.val.images.count == 2 && split.val.images.allSatisfy(\.objects.isEmpty))
        // Left half of the fixture is red, right half blue, after resizing too; letterboxed,
        // the 16 × 12 image fills rows 4..<28 and grey pads the rest.
        let val = split.val.images[0]
        #expect(val.pixels[4 * 32] > 0.7 && val.pixels[2 * 1024 + 4 * 32 + 31] > 0.7)
        #expect(val.pixels[0] == Float(114) / 255 && val.pixels[31 * 32] == Float(114) / 255)
    }

    /// Images without a single label file mean a misplaced `labels/` folder, not empty images.
    @Test func aSplitWithoutAnyLabelFileIsRefused() throws {
        let dataFile = try exported()
        let root = (dataFile as NSString).deletingLastPathComponent
        try FileManager.default.moveItem(atPath: root + "/labels", toPath: root + "/annotations")
        let expected = DatasetError.noLabels(
            key: "train", file: dataFile, images: Self.options.trainImages,
            example: YOLODatasetReader.labelPath(forImage: root + "/images/train/000000.png"))
        #expect(throws: expected) {
            try YOLODatasetReader.read(dataFile: dataFile, imageSize: 32, skipCorrupt: false)
        }
        #expect(expected.description.contains("none of the 4 'train' images has a label file"))
    }

    @Test func labelPathFollowsTheImagesToLabelsRule() {
        #expect(
            YOLODatasetReader.labelPath(forImage: "/d/images/train/images/a.b.jpg")
                == "/d/images/train/labels/a.b.txt")
        #expect(YOLODatasetReader.labelPath(forImage: "/d/pics/a.png") == "/d/pics/a.txt")
    }

    @Test func missingDataFile() {
        #expect(throws: DatasetError.missingFile(path: "/nonexistent/data.yaml")) {
            try DatasetLoader.load(.yolo(path: "/nonexistent/data.yaml", skipCorrupt: true))
        }
    }

    @Test func badDataFiles() throws {
        let tooManyNames = (0...Int(TrainingBounds.classCount.maximum)).map { "c\($0)" }
            .joined(separator: ", ")
        let tooManyIndices = (0...Int(TrainingBounds.classCount.maximum)).map { "\($0): c" }
            .joined(separator: ", ")
        let root = try TestFiles.scratchFolder()
        let file = root + "/data.yaml"
        try FileManager.default.createDirectory(
            atPath: root + "/imgs",
            withIntermediateDirectories: true)
        let cases: [(String, DatasetError)] = [
            ("val: imgs\nnames: [a]\n", .missingKey(key: "train", file: file)),
            ("train: imgs\nval: imgs\n", .missingKey(key: "names", file: file)),
            (
                "train: imgs\nval: imgs\nnc: 0\n",
                .invalidValue(
                    key: "nc", value: "'0' (line 3)",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnc: 99999999999\n",
                .invalidValue(
                    key: "nc", value: "'99999999999' (line 3)",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnc: \(Int(TrainingBounds.classCount.maximum) + 1)\n",
                .invalidValue(
                    key: "nc", value: "'\(Int(TrainingBounds.classCount.maximum) + 1)' (line 3)",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnames: [\(tooManyNames)]\n",
                .invalidValue(
                    key: "names", value: "\(Int(TrainingBounds.classCount.maximum) + 1) entries",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnames: {\(tooManyIndices)}\n",
                .invalidValue(
                    key: "names", value: "\(Int(TrainingBounds.classCount.maximum) + 1) entries",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnc: 1000000000000\n",
                .invalidValue(
                    key: "nc", value: "'1000000000000' (line 3)",
                    expected: "a class count \(TrainingBounds.classCount.range)", file: file)
            ),
            (
                "train: imgs\nval: imgs\nnames: [a, b]\nnc: 3\n",
                .invalidValue(
                    key: "nc", value: "'3' (line 4)", expected: "2 (the number of names)",
                    file: file)
            ),
            (
                "train: imgs\nval: nope\nnames: {0: a}\n",
                .missingFolder(path: root + "/nope", key: "val", file: file)
            ),
            ("train: imgs\nval: imgs\nnames: {0: a}\n", .noImages(key: "train", file: file)),
            (
                "train: imgs\nval: imgs\nnc: \(Int(TrainingBounds.classCount.maximum))\n",
                .noImages(key: "train", file: file)
            ),
            (
                "path: gone\ntrain: imgs\nval: imgs\nnames: [a]\n",
                .missingFolder(path: root + "/gone/imgs", key: "train", file: file)
            ),
        ]
        for (text, expected) in cases {
            try write(text, file)
            #expect(throws: expected) {
                try YOLODatasetReader.read(dataFile: file, imageSize: 32, skipCorrupt: false)
            }
        }
        try write("train: [imgs\n", file)
        #expect(throws: DatasetError.self) {
            try YOLODatasetReader.read(dataFile: file, imageSize: 32, skipCorrupt: false)
        }
    }

    @Test func ncAloneNamesTheClasses() throws {
        let dataFile = try exported()
        try write("train: images/train\nval: images/val\nnc: 4\n", dataFile)
        let split = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 32,
            skipCorrupt: false
        ).split
        #expect(split.val.classNames == ["class_0", "class_1", "class_2", "class_3"])
        #expect(split.train.images.count == 4)
    }

    @Test func namesMapMustCoverZeroToN() throws {
        let root = try TestFiles.scratchFolder()
        try write("train: .\nval: .\nnames: {0: a, 2: c}\n", root + "/data.yaml")
        let error = #expect(throws: DatasetError.self) {
            try YOLODatasetReader.read(
                dataFile: root + "/data.yaml", imageSize: 32,
                skipCorrupt: false)
        }
        #expect(error?.description.contains("names") == true)
    }

    @Test func corruptImageAndBadLabelThrowNamingTheFile() throws {
        let dataFile = try exported()
        let root = (dataFile as NSString).deletingLastPathComponent
        try write("not a png", root + "/images/train/000001.png")
        #expect(
            throws: DatasetError.undecodableImage(
                file: root + "/images/train/000001.png",
                reason: "neither a PNG nor a JPEG signature")
        ) {
            try YOLODatasetReader.read(dataFile: dataFile, imageSize: 32, skipCorrupt: false)
        }
        try FileManager.default.removeItem(atPath: root + "/images/train/000001.png")
        try write("0 0.5 0.5 0.1 0.1\n7 0.5 0.5 0.1 0.1\n", root + "/labels/val/000001.txt")
        #expect(
            throws: DatasetError.invalidLabel(
                file: root + "/labels/val/000001.txt", line: 2,
                problem: .unknownClass(index: "7", classCount: 4))
        ) {
            try YOLODatasetReader.read(dataFile: dataFile, imageSize: 32, skipCorrupt: false)
        }
    }

    @Test func skipCorruptSkipsWithWarnings() throws {
        let dataFile = try exported()
        let root = (dataFile as NSString).deletingLastPathComponent
        try write("garbage", root + "/images/train/000002.png")
        try write("0 0.5 0.5 0.1\n", root + "/labels/train/000003.txt")
        let result = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 32, skipCorrupt: true)
        #expect(result.split.train.images.count == 2)
        #expect(result.split.val.images.count == 2)
        #expect(result.warnings.count == 2)
        #expect(
            result.warnings.contains(
                .invalidLabel(
                    file: root + "/labels/train/000003.txt", line: 1, problem: .fieldCount(found: 4)
                )))
        let generated = SyntheticDataset.generate(Self.options)
        #expect(
            result.split.train.images[1].objects.count
                == generated.train.images[1].objects.count)
    }

    /// A label path that exists but cannot be read is an error naming it, never "no labels".
    @Test(arguments: ["loop", "dangling", "folder"])
    func anUnreadableLabelFileIsAnError(kind: String) throws {
        let dataFile = try exported()
        let root = (dataFile as NSString).deletingLastPathComponent
        let label = root + "/labels/train/000001.txt"
        let manager = FileManager.default
        try manager.removeItem(atPath: label)
        switch kind {
        case "loop":
            try manager.createSymbolicLink(atPath: label, withDestinationPath: label)
        case "dangling":
            try manager.createSymbolicLink(atPath: label, withDestinationPath: root + "/gone.txt")
        default:
            try manager.createDirectory(atPath: label, withIntermediateDirectories: false)
        }
        #expect(throws: DatasetError.unreadableFile(path: label)) {
            try YOLODatasetReader.read(dataFile: dataFile, imageSize: 32, skipCorrupt: false)
        }
        let result = try YOLODatasetReader.read(
            dataFile: dataFile, imageSize: 32, skipCorrupt: true)
        #expect(result.warnings == [.unreadableFile(path: label)])
        #expect(result.split.train.images.count == Self.options.trainImages - 1)
    }
}
