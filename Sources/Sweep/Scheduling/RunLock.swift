import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a second `run` off a database another `run` is using: it would queue that run's
/// `running` trials again and kill their workers as leftovers.
///
/// An exclusive `flock` on `DB.lock` beside the database, held while the run lasts; the kernel
/// drops it when the process ends, however it ends (even `kill -9`), so a stale lock never blocks
/// the next run. The file holds the id of the run that last took it, so the next run can find
/// the workers a killed run left behind (``LeftoverWorkers/terminate(runID:)``).
public final class RunLock: Sendable {
    /// The lock file, `DB.lock`.
    public let path: String
    /// This run's id (a UUID), written to the lock file; its workers carry it in their environment.
    public let runID: String
    /// The id the previous run wrote, nil when none did. That run has ended (the lock is ours), so
    /// any process still tagged with it is a leftover.
    public let previousRunID: String?
    private let fd: Int32

    /// Takes the lock of the database at `databasePath`.
    /// - Throws: ``SchedulerError/databaseInUse(path:)`` when another process holds it,
    ///   ``SchedulerError/invalidOption(name:value:reason:)`` when the lock file cannot be made.
    public init(databasePath: String) throws(SchedulerError) {
        path = databasePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .invalidOption(
                name: "--db", value: databasePath,
                reason: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard Self.lock(fd) else {
            close(fd)
            throw .databaseInUse(path: databasePath)
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(fd, &buffer, buffer.count, 0)
        let previous = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        previousRunID = previous.isEmpty ? nil : previous
        runID = UUID().uuidString
        // Best effort: without the id the next run still finds leftovers by their stored pids.
        let line = Array((runID + "\n").utf8)
        if ftruncate(fd, 0) == 0 {
            _ = pwrite(fd, line, line.count, 0)
        }
    }

    deinit {
        close(fd)
    }

    /// Takes the exclusive lock; a few short retries ride out a reader's momentary check
    /// (``isHeld(databasePath:)``).
    private static func lock(_ fd: Int32) -> Bool {
        for attempt in 0..<5 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK, attempt < 4 else { return false }
            usleep(20_000)
        }
        return false
    }

    /// Whether a `run` holds the lock of the database at `databasePath` now. Creates nothing:
    /// without a lock file no run ever held it. The check takes a shared lock for an instant.
    public static func isHeld(databasePath: String) -> Bool {
        let fd = open(databasePath + ".lock", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }
}
