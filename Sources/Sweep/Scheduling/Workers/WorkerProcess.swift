import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running worker process in its own process group (so a kill takes its children too), with
/// stdin fed once and stdout/stderr read on background threads.
///
/// ``output`` yields the stdout lines, then exactly one ``WorkerOutput/exit(_:stderrTail:)`` after
/// the process was reaped and both pipes reached end of file. After the process exits, the rest of
/// its group is killed, so no child it left behind survives.
public final class WorkerProcess: Sendable {
    public let pid: Int32
    /// Stdout lines, then the exit.
    public let output: AsyncStream<WorkerOutput>
    private let state: Mutex<ProcessState>

    private struct ProcessState {
        var reaped = false
        var stopReason: WorkerStopReason?
        var stderrTail: [String] = []
        /// The first stderr line that reads like an error (a Swift `Fatal error:` sits above a
        /// long backtrace, out of the tail).
        var stderrFirstError: String?
    }

    /// How many stderr lines are kept for the failure reason.
    static let stderrLines = 12
    /// Output without a newline for this long is cut into a line (no protocol line is that long).
    static let maxLineBytes = 1 << 20

    private init(pid: Int32, output: AsyncStream<WorkerOutput>) {
        self.pid = pid
        self.output = output
        self.state = Mutex(ProcessState())
    }

    /// Why the process was stopped by ``stop(_:)``; nil when it ended on its own.
    public var stopReason: WorkerStopReason? {
        state.withLock { $0.stopReason }
    }

    /// Kills the process group with SIGKILL and remembers why (the first reason wins).
    /// Does nothing once the process has exited: it ended on its own, with its own outcome.
    public func stop(_ reason: WorkerStopReason) {
        state.withLock { state in
            guard !state.reaped else { return }
            if state.stopReason == nil {
                state.stopReason = reason
            }
            _ = killpg(pid, SIGKILL)
        }
    }

    /// Starts `argv` with `environment`, writes `input` to its stdin and closes it.
    /// - Throws: ``SchedulerError/cannotStartWorker(command:reason:)`` when the program cannot run.
    public static func spawn(
        argv: [String], environment: [String: String], input: Data
    ) throws(SchedulerError) -> WorkerProcess {
        try spawn(WorkerInvocation(argv: argv, environment: environment, input: input))
    }

    /// Starts `invocation`'s program in its folder, writes its input to its stdin and closes it.
    /// - Throws: ``SchedulerError/cannotStartWorker(command:reason:)`` when the program cannot run.
    public static func spawn(_ invocation: WorkerInvocation) throws(SchedulerError) -> WorkerProcess
    {
        let argv = invocation.argv
        let stdin = try makePipe(argv)
        let stdout = try makePipe(argv)
        let stderr = try makePipe(argv)
        var pid: pid_t = 0
        let status = spawnProcess(
            &pid, argv: argv, environment: invocation.environment, workdir: invocation.workdir,
            childFDs: (stdin.read, stdout.write, stderr.write))
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)
        guard status == 0 else {
            close(stdin.write)
            close(stdout.read)
            close(stderr.read)
            throw .cannotStartWorker(
                command: argv.joined(separator: " "), reason: String(cString: strerror(status)))
        }
        let (stream, continuation) = AsyncStream.makeStream(of: WorkerOutput.self)
        let process = WorkerProcess(pid: pid, output: stream)
        process.start(
            stdinFD: stdin.write, stdoutFD: stdout.read, stderrFD: stderr.read,
            input: invocation.input,
            continuation: continuation)
        return process
    }

    private func start(
        stdinFD: Int32, stdoutFD: Int32, stderrFD: Int32, input: Data,
        continuation: AsyncStream<WorkerOutput>.Continuation
    ) {
        let done = DispatchGroup()
        let exitStatus = Mutex<WorkerExit?>(nil)
        let pid = self.pid
        done.enter()
        Thread.detachNewThread {
            Self.writeAll(input, to: stdinFD)
            close(stdinFD)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            exitStatus.withLock { $0 = WorkerExit(waitStatus: status) }
            self.state.withLock { state in
                state.reaped = true
                _ = killpg(pid, SIGKILL)
            }
            done.leave()
        }
        done.enter()
        Thread.detachNewThread {
            Self.readLines(from: stdoutFD) { continuation.yield(.line($0)) }
            close(stdoutFD)
            done.leave()
        }
        done.enter()
        Thread.detachNewThread {
            Self.readLines(from: stderrFD) { line in
                self.state.withLock { state in
                    if state.stderrFirstError == nil && TrialAttempt.looksLikeError(line) {
                        state.stderrFirstError = line
                    }
                    state.stderrTail.append(line)
                    if state.stderrTail.count > Self.stderrLines {
                        state.stderrTail.removeFirst()
                    }
                }
            }
            close(stderrFD)
            done.leave()
        }
        done.notify(queue: .global()) {
            let exit = exitStatus.withLock { $0 } ?? .exited(code: -1)
            let stderr = self.state.withLock { state in
                (state.stderrFirstError.map { state.stderrTail.contains($0) ? [] : [$0] } ?? [])
                    + state.stderrTail
            }
            continuation.yield(.exit(exit, stderrTail: stderr))
            continuation.finish()
        }
    }

    /// A pipe whose ends close on `exec` (workers only get the ends `posix_spawn` dups; workers
    /// are spawned from the scheduler's executor only, so no other spawn races the flags).
    private static func makePipe(_ argv: [String]) throws(SchedulerError) -> (
        read: Int32, write: Int32
    ) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0, fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0,
            fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0
        else {
            throw .cannotStartWorker(
                command: argv.joined(separator: " "), reason: String(cString: strerror(errno)))
        }
        return (fds[0], fds[1])
    }

    private static func writeAll(_ data: Data, to fd: Int32) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Reads `fd` to its end, calling `body` with each line (the last one even without `\n`,
    /// an endless one in pieces of ``maxLineBytes``).
    private static func readLines(from fd: Int32, _ body: (String) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                body(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            if pending.count > maxLineBytes {
                body(String(decoding: pending, as: UTF8.self))
                pending.removeAll()
            }
        }
        if !pending.isEmpty {
            body(String(decoding: pending, as: UTF8.self))
        }
    }
}
