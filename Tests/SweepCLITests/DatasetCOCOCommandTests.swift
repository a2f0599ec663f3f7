import Foundation
import Testing
import Trainer

/// `sweep-cli dataset coco`: a YOLO split as COCO ground truth, read back by `COCOJSONReader`.
@Suite struct DatasetCOCOCommandTests {
    /// A 32 px synthetic export with two val images, the second's label replaced by one known
    /// box: class 1 centred at (0.5, 0.25), 0.25 × 0.125 of the image.
    private func dataset(_ scratch: CLIScratch) async throws -> String {
        let folder = scratch.path("data")
        let export = try await scratch.runAsync([
            "dataset", "export", "--out", folder, "--image-size", "32", "--train-images", "1",
            "--val-images", "2",
        ])
        #expect(export.status == 0, "\(export.output)")
        try "1 0.5 0.25 0.25 0.125\n".write(
            toFile: folder + "/labels/val/000001.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func numericStemsAreImageIdsAndBoxesArePixels() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let folder = try await dataset(scratch)
        let out = scratch.path("gt.json")
        let run = try await scratch.runAsync([
            "dataset", "coco", folder + "/data.yaml", "--out", out,
        ])
        #expect(run.status == 0, "\(run.output)")
        let truth = try COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: out))
        #expect(truth.imageIDs == [0, 1])
        let known = try #require(truth.annotations.last)
        #expect(known.imageID == 1)
        #expect(known.categoryID == 2)
        #expect(known.box == COCOBox(x: 12, y: 6, width: 8, height: 4))
        #expect(known.area == 32)
        #expect(Set(truth.annotations.map(\.id)).count == truth.annotations.count)
        #expect(truth.annotations.allSatisfy { $0.id >= 1 && $0.categoryID >= 1 })
    }

    /// A device given as `--out` is written in place, never replaced by a regular file.
    @Test func aFullDeviceIsAClearErrorAndStaysADevice() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let folder = try await dataset(scratch)
        let run = try await scratch.runAsync([
            "dataset", "coco", folder + "/data.yaml", "--out", "/dev/full",
        ])
        #expect(run.status == 1)
        #expect(
            run.output.contains("/dev/full: cannot write: No space left on device"), "\(run.output)"
        )
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type]
        #expect(type as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test func otherStemsAreNumberedFromOneInPathOrder() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let folder = try await dataset(scratch)
        let manager = FileManager.default
        for (old, new) in [("000000", "b"), ("000001", "a")] {
            try manager.moveItem(
                atPath: "\(folder)/images/val/\(old).png", toPath: "\(folder)/images/val/\(new).png"
            )
            try manager.moveItem(
                atPath: "\(folder)/labels/val/\(old).txt", toPath: "\(folder)/labels/val/\(new).txt"
            )
        }
        let out = scratch.path("gt.json")
        let run = try await scratch.runAsync([
            "dataset", "coco", folder + "/data.yaml", "--split", "val", "--out", out,
        ])
        #expect(run.status == 0, "\(run.output)")
        let truth = try COCOJSONReader.readGroundTruth(at: URL(fileURLWithPath: out))
        #expect(truth.imageIDs == [1, 2])
        let known = try #require(truth.annotations.first)
        #expect(known.imageID == 1, "a.png comes first")
        #expect(known.box == COCOBox(x: 12, y: 6, width: 8, height: 4))
    }

    @Test func anUnknownSplitIsRefused() async throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let run = try await scratch.runAsync([
            "dataset", "coco", "data.yaml", "--split", "test", "--out", "x",
        ])
        #expect(run.status != 0)
        #expect(run.output.contains("--split must be train or val, got 'test'"))
    }
}
