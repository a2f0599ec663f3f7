import Foundation
import Sweep
import Testing

/// Writing an export onto a folder or under a file fails with words a user can act on.
struct ExportFileTests {
    private func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("export-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesAndCreatesParents() throws {
        let path = try scratch() + "/new/ranking.csv"
        try ExportFile.write("a,b\r\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\r\n")
    }

    @Test func ontoAFolderSaysSo() throws {
        let folder = try scratch()
        #expect(
            throws: ExportError.cannotWrite(path: folder, reason: "it is a folder; give a file name")
        ) { try ExportFile.write("x", to: folder) }
    }

    @Test func underAFileSaysWhichPartIsAFile() throws {
        let file = try scratch() + "/plain.txt"
        try "text".write(toFile: file, atomically: true, encoding: .utf8)
        let path = file + "/out.csv"
        #expect(
            throws: ExportError.cannotWrite(path: path, reason: "'\(file)' is a file, not a folder")
        ) { try ExportFile.write("x", to: path) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "text")
    }
}
