import Foundation
import Trainer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an export (CSV, YAML) to disk.
///
/// A symbolic link is followed: the file it points to is replaced, the link is kept. A device or
/// FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is written to in place, never replaced by a
/// regular file. Every failed write, sync or close is an ``ExportError`` naming the path, so a
/// full disk (or `/dev/full`) never reports success.
public enum ExportFile {
    /// Writes `text` to `path`, creating missing parent folders. A regular file is replaced
    /// atomically (a reader never sees half a file).
    public static func write(_ text: String, to path: String) throws(ExportError) {
        let bytes = Array(text.utf8)
        let target = try ExportTarget.resolve(path)
        let failure: (any Error)?
        switch target.kind {
        case .missing, .regularFile:
            failure = replaceAtomically(target.path, with: bytes, kind: target.kind)
        case .stream:
            failure = writeInPlace(target.path, bytes).map(posixError)
        }
        if let failure {
            throw .cannotWrite(path: path, reason: WriteFailure.reason(path: path, error: failure))
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`; keeps the mode of
    /// the file it replaces. Returns the failure, nil on success.
    private static func replaceAtomically(
        _ path: String, with bytes: [UInt8], kind: ExportTarget.Kind
    ) -> (any Error)? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return error
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp"
        ).path
        var mode: mode_t = 0o666
        if case .regularFile(let existing) = kind { mode = existing }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return posixError(errno) }
        if case .regularFile(let existing) = kind { _ = fchmod(fd, existing) }
        var failure = writeAll(fd, bytes)
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if failure != nil { unlink(temporary) }
        return failure.map(posixError)
    }

    /// Writes to a device or FIFO as it is (no truncation, no rename). Returns the failing
    /// `errno`, nil on success. A FIFO whose reader went away fails with `EPIPE` instead of
    /// ending the process: SIGPIPE is blocked on this thread meanwhile, and a pending one taken.
    private static func writeInPlace(_ path: String, _ bytes: [UInt8]) -> Int32? {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return errno }
        var failure = writeAll(fd, bytes)
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == EPIPE {
            var now = timespec()
            _ = sigtimedwait(&pipeSignal, nil, &now)
        }
        return failure
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { chunk in
                Glibc.write(fd, chunk.baseAddress, chunk.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// A failed system call as Foundation reports one, so ``WriteFailure`` words it.
    private static func posixError(_ code: Int32) -> any Error {
        NSError(
            domain: NSCocoaErrorDomain, code: NSFileWriteUnknownError,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code))])
    }
}
