import Foundation
import Sweep
import Testing

/// ``WorkerProcess`` with small shell programs: the folder it starts in and the stderr it keeps.
@Suite struct WorkerProcessTests {
    /// Every stdout line, then the exit and the stderr tail.
    private func outputs(_ invocation: WorkerInvocation) async throws -> (
        lines: [String], exit: WorkerExit?, stderr: [String]
    ) {
        let process = try WorkerProcess.spawn(invocation)
        var lines: [String] = []
        for await output in process.output {
            switch output {
            case .line(let line): lines.append(line)
            case .exit(let exit, let stderr): return (lines, exit, stderr)
            }
        }
        return (lines, nil, [])
    }

    @Test func theProgramStartsInItsWorkdir() async throws {
        let folder = FileManager.default.temporaryDirectory.standardizedFileURL
            .resolvingSymlinksInPath().path
        let run = try await outputs(
            WorkerInvocation(
                argv: ["/bin/sh", "-c", "pwd -P; exit 0"], environment: [:], workdir: folder))
        #expect(run.lines == [folder])
        #expect(run.exit == .exited(code: 0))
    }

    /// An error-like stderr line still in the tail keeps the rest of the tail with it.
    @Test func theStderrTailKeepsEveryLineAroundAnErrorLine() async throws {
        let script = "echo 'Traceback:' >&2; echo 'RuntimeError: boom' >&2; echo after >&2; exit 3"
        let run = try await outputs(
            WorkerInvocation(argv: ["/bin/sh", "-c", script], environment: [:]))
        #expect(run.exit == .exited(code: 3))
        #expect(run.stderr == ["Traceback:", "RuntimeError: boom", "after"])
    }
}
