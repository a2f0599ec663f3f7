import Foundation
import Testing

/// `sweep-cli dataset` end to end: hostile datasets end with exit status 1 and a message naming
/// the file and the value at fault, never a signal.
@Suite struct DatasetCommandTests {
    /// Exports a 2 + 1 image synthetic dataset into a new folder; returns the folder.
    func exported() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-dataset-cli-\(UUID().uuidString)").path
        let status = try CLIRun.run(
            [
                "dataset", "export", "--out", folder, "--image-size", "32", "--train-images", "2",
                "--val-images", "1",
            ], log: folder + ".log")
        #expect(status == 0, "\(log(folder + ".log"))")
        return folder
    }

    func log(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// A JPEG whose frame header claims 60000×60000 pixels (the fixture with its SOF patched).
    func hugeJPEG() throws -> Data {
        let fixture = CLIRun.repository
            .appendingPathComponent("Tests/TrainerTests/Fixtures/red-blue-16x12.jpg")
        var bytes = try [UInt8](Data(contentsOf: fixture))
        let frame = try #require(
            bytes.indices.dropLast().first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange((frame + 5)...(frame + 8), with: [0xEA, 0x60, 0xEA, 0x60])
        return Data(bytes)
    }

    @Test func aHugeImageClaimExitsOneNamingTheFileOrIsSkipped() throws {
        let folder = try exported()
        let image = folder + "/images/train/000000.png"
        try hugeJPEG().write(to: URL(fileURLWithPath: image))
        let log = folder + "/check.log"
        #expect(try CLIRun.run(["dataset", "check", folder + "/data.yaml"], log: log) == 1)
        #expect(self.log(log).contains("\(image): the image claims 60000×60000 pixels"))
        #expect(
            try CLIRun.run(["dataset", "check", folder + "/data.yaml", "--skip-corrupt"], log: log)
                == 0)
        #expect(self.log(log).contains("warning: skipped: \(image): the image claims 60000×60000"))
        #expect(self.log(log).contains("train: 1 images"))
    }

    @Test func aHugeClassCountExitsOneNamingTheKey() throws {
        let folder = try exported()
        let dataFile = folder + "/data.yaml"
        try "train: images/train\nval: images/val\nnc: 99999999999\n"
            .write(toFile: dataFile, atomically: true, encoding: .utf8)
        let log = folder + "/check.log"
        #expect(try CLIRun.run(["dataset", "check", dataFile], log: log) == 1)
        #expect(self.log(log).contains("\(dataFile): key 'nc' has value '99999999999' (line 3)"))
    }

    @Test func exportIntoANonEmptyFolderExitsOne() throws {
        let folder = try exported()
        let log = folder + "-again.log"
        #expect(
            try CLIRun.run(
                ["dataset", "export", "--out", folder, "--image-size", "32"], log: log) == 1)
        #expect(self.log(log).contains("\(folder): the export folder is not empty"))
    }
}
