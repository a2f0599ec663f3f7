import Foundation
import Testing

/// `--db` values that cannot be a sweep database end every command that takes one with exit 1
/// and a message naming the value.
@Suite struct DatabaseOptionTests {
    static let commands: [[String]] = [
        ["list"], ["status"], ["top", "s"], ["export", "s", "--out", "x.csv"],
        ["run", "sweeps/quickstart.yaml"],
    ]

    @Test(arguments: commands)
    func anEmptyPathIsNamed(command: [String]) throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let run = try scratch.run(
            command.map { $0 == "sweeps/quickstart.yaml" ? CLIRun.repository.path + "/" + $0 : $0 }
                + ["--db", ""])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("--db '': the database path is empty"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: ".lock"))
    }

    @Test(arguments: commands)
    func aFolderIsNamed(command: [String]) throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let run = try scratch.run(
            command.map { $0 == "sweeps/quickstart.yaml" ? CLIRun.repository.path + "/" + $0 : $0 }
                + ["--db", scratch.folder])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("\(scratch.folder): is a directory, not a sweep database file"))
    }

    /// As an unprivileged user (tests run as root, whom permissions do not stop), an unreadable
    /// database is named with the reason.
    @Test func anUnreadableFileIsNamed() throws {
        let setpriv = "/usr/bin/setpriv"
        try #require(FileManager.default.isExecutableFile(atPath: setpriv))
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithOneRankedTrial()
        #expect(chmod(scratch.folder, 0o755) == 0)
        #expect(chmod(scratch.db, 0o600) == 0)
        let run = try scratch.run(
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", try CLIRun.binary(), "list",
                "--db", scratch.db,
            ], executable: setpriv)
        #expect(run.status == 1, "\(run.output)")
        #expect(
            run.output.contains(
                "\(scratch.db): cannot open the sweep database: permission denied: no read access"),
            "\(run.output)")
    }
}
