import Foundation
import Testing

/// `sweep-cli export` end to end: an output that would destroy the database or another output,
/// or a write that fails, exits 1 with a message naming the path; nothing is replaced.
@Suite struct ExportCommandTests {
    @Test(arguments: ["--out", "--best-config"])
    func ontoTheDatabaseExitsOneAndKeepsIt(option: String) throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.db))
        for target in [scratch.db, scratch.db + "-wal", scratch.db + ".lock"] {
            let run = try scratch.run(["export", "s", "--db", scratch.db, option, target])
            #expect(run.status == 1, "\(target): \(run.output)")
            #expect(!run.signalled)
            #expect(run.output.contains("\(option) \(target): this is the sweep database file"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.db)) == before)
        let top = try scratch.run(["top", "s", "--db", scratch.db])
        #expect(top.status == 0, "\(top.output)")
    }

    @Test func bothOutputsOnOneFileExitOne() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        let out = scratch.path("out.csv")
        let run = try scratch.run([
            "export", "s", "--db", scratch.db, "--out", out, "--best-config", out,
        ])
        #expect(run.status == 1)
        #expect(run.output.contains("--best-config \(out): the same file as --out"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aFullDeviceExitsOneNamingIt() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        for option in ["--out", "--best-config"] {
            let run = try scratch.run(["export", "s", "--db", scratch.db, option, "/dev/full"])
            #expect(run.status == 1)
            #expect(run.output.contains("/dev/full: cannot write: No space left on device"))
            #expect(!run.output.contains("wrote"))
        }
    }
}
