import Foundation
import Testing

/// The end-to-end helpers themselves: they use this build's binary and really see processes.
@Suite struct CLIRunTests {
    @Test func theBinaryIsTheOneBuiltBesideTheseTests() throws {
        let binary = URL(fileURLWithPath: try CLIRun.binary())
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        #expect(binary.deletingLastPathComponent() == tests.deletingLastPathComponent())
        #expect(tests.lastPathComponent.hasSuffix(".xctest"), "\(tests.path)")
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-cli-help-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        #expect(try CLIRun.run(["--help"], log: log) == 0)
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("USAGE: sweep-cli"))
    }

    @Test func theProcessScanFindsAWorkerByItsTrialKeyUntilItEnds() throws {
        let key = "scan-\(UUID().uuidString)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "while :; do sleep 0.1; done", "worker", "--trial", key]
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(try CLIRun.waitUntil { try CLIRun.liveWorkers(keys: [key]) == [key] })
        #expect(try CLIRun.liveWorkers(keys: ["another-key"]).isEmpty)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try CLIRun.liveWorkers(keys: [key]).isEmpty)
    }
}
