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
/// the next run.
public final class RunLock: Sendable {
    /// The lock file, `DB.lock`.
    public let path: String
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
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .databaseInUse(path: databasePath)
        }
    }

    deinit {
        close(fd)
    }
}
