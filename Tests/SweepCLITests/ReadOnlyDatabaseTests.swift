import Foundation
import Sweep
import Testing

/// `list`, `top`, `status` and `export` read a database they may not write: as an unprivileged
/// user (tests run as root, whom permissions do not stop), on a 0444 copy in a folder they cannot
/// write.
@Suite struct ReadOnlyDatabaseTests {
    static let setpriv = "/usr/bin/setpriv"

    /// `sweep-cli ARGUMENTS…` as user nobody.
    static func asNobody(_ scratch: CLIScratch, _ arguments: [String]) throws -> (
        status: Int32, signalled: Bool, output: String
    ) {
        try #require(FileManager.default.isExecutableFile(atPath: setpriv))
        return try scratch.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", try CLIRun.binary()] + arguments,
            executable: setpriv)
    }

    /// A read-only copy of `source` in a folder only root may write; returns its path.
    static func readOnlyCopy(of source: String, in scratch: CLIScratch) throws -> String {
        let folder = scratch.path("readonly")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        #expect(chmod(copy, 0o444) == 0)
        #expect(chmod(folder, 0o755) == 0)
        #expect(chmod(scratch.folder, 0o755) == 0)
        return copy
    }

    @Test func everyReaderWorksOnAReadOnlyCopy() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        let copy = try Self.readOnlyCopy(of: scratch.db, in: scratch)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let exports = scratch.path("exports")
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        #expect(chmod(exports, 0o777) == 0)
        let commands: [([String], String)] = [
            (["list"], "objective"), (["top", "s"], "ap_small"), (["status"], "completed 1"),
            (["export", "s", "--out", exports + "/s.csv"], "wrote 1 ranked trials"),
        ]
        for (command, expected) in commands {
            let run = try Self.asNobody(scratch, command + ["--db", copy])
            #expect(run.status == 0, "\(command): \(run.output)")
            #expect(run.output.contains(expected), "\(command): \(run.output)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path("readonly"))
                == ["copy.sqlite"])
    }

    /// A copy taken while a writer had the database open is still in WAL mode; where SQLite
    /// cannot make its -shm file, the reader says so instead of "cannot write".
    @Test func aWALCopyInAReadOnlyFolderIsExplained() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        let writer = try SQLiteTrialStore(path: scratch.db)
        let copy = try Self.readOnlyCopy(of: scratch.db, in: scratch)
        try writer.close()
        let run = try Self.asNobody(scratch, ["list", "--db", copy])
        #expect(run.status == 1, "\(run.output)")
        #expect(
            run.output.contains(
                "\(copy): cannot open the sweep database: it is still in WAL mode"))
    }
}
