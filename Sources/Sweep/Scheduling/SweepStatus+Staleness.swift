#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SweepStatus {
    /// This status with the `running` trials that nothing runs any more marked stale: no `run`
    /// holds the database's lock (``RunLock/isHeld(databasePath:)``) and the trial's worker pid
    /// no longer exists (or none was stored). Only looks; writes nothing.
    public func markingStale(databasePath: String) -> SweepStatus {
        guard !running.isEmpty, !RunLock.isHeld(databasePath: databasePath) else { return self }
        var status = self
        status.staleKeys = Set(
            running.filter { trial in
                guard let pid = trial.workerPID else { return true }
                return !Self.processExists(pid)
            }.map(\.key))
        return status
    }

    /// Whether a process with this pid exists (one owned by another user counts).
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
