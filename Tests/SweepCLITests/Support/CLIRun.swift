import Foundation
import Sweep
import Testing

/// The built `sweep-cli` binary started as a child process, for end-to-end tests.
enum CLIRun {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fakeWorkers = repository.appendingPathComponent("Tests/SweepTests/Fixtures/workers")

    /// The `sweep-cli` this test run built: the build products folder holds the test executable
    /// (`.build/<triple>/<configuration>/sweepPackageTests.xctest`) beside the products of the
    /// same build, so a binary of another configuration or an older build is never used. Fails
    /// when it is not there.
    /// `product` names another executable of the package built the same way (a fuzz target's
    /// replay tool).
    static func binary(_ product: String = "sweep-cli") throws -> String {
        let testExecutable = try #require(
            Bundle.main.executableURL, "the test run has no executable to find its build folder")
        let folder = testExecutable.resolvingSymlinksInPath().deletingLastPathComponent()
        let binary = folder.appendingPathComponent(product).path
        try #require(
            FileManager.default.isExecutableFile(atPath: binary),
            "\(product) is not built beside the tests in \(folder.path); build it with the tests")
        return binary
    }

    /// Starts `sweep-cli ARGUMENTS…` with extra environment; output goes to `log`.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], log: String
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return process
    }

    /// Runs `sweep-cli ARGUMENTS…` to its end; returns its exit status.
    @discardableResult
    static func run(
        _ arguments: [String], environment: [String: String] = [:], log: String
    ) throws -> Int32 {
        let process = try start(arguments, environment: environment, log: log)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Polls `condition` every 20 ms for up to `seconds`; true once it holds.
    static func waitUntil(seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// The trials of `sweep` in the database at `db`, or nil while it is not written yet.
    static func trials(db: String, sweep: String) -> [TrialRecord]? {
        guard FileManager.default.fileExists(atPath: db),
            let store = try? SQLiteTrialStore(path: db, readOnly: true)
        else { return nil }
        return try? store.trials(sweep: sweep)
    }

    /// The trial keys of live (not zombie) processes whose command line has `--trial` followed
    /// by one of `keys` (a shell worker's subshells share its command line, hence keys, not pids).
    /// Throws when `/proc` cannot be listed or does not list this test process, so a missing
    /// process table never reads as "no worker left".
    static func liveWorkers(keys: Set<String>) throws -> Set<String> {
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        let pids = entries.compactMap(Int32.init)
        try #require(pids.contains(getpid()), "/proc does not list this process (\(getpid()))")
        return Set(
            pids.compactMap { pid -> String? in
                guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
                    let text = String(data: stat, encoding: .utf8),
                    let close = text.lastIndex(of: ")"),
                    text[text.index(after: close)...].split(separator: " ").first != "Z",
                    let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
                else { return nil }
                let arguments = cmdline.split(separator: 0).map {
                    String(decoding: $0, as: UTF8.self)
                }
                guard let flag = arguments.firstIndex(of: "--trial"), flag + 1 < arguments.count,
                    keys.contains(arguments[flag + 1])
                else { return nil }
                return arguments[flag + 1]
            })
    }
}
