import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds and kills the worker processes a dead orchestrator left behind.
///
/// Two ways, because an orchestrator can die between starting a worker and storing its pid:
/// - by stored pid, only when it still is one of our workers: its `/proc/PID/cmdline` contains
///   `worker` and a trial key of the sweep (a pid may have been reused since);
/// - by run id: every worker of a `run` carries `SWEEP_RUN_ID` in its environment (see
///   ``RunLock/runID``), so the next run finds all of the previous run's processes.
///
/// A killed worker's whole process group goes, so its own children do too.
public enum LeftoverWorkers {
    /// The environment variable that tags each worker (and its children) with its run's id.
    public static let runIDVariable = "SWEEP_RUN_ID"

    /// Kills every process whose environment holds ``runIDVariable`` = `runID` (never this
    /// process); returns the pids killed.
    @discardableResult
    public static func terminate(runID: String) -> [Int32] {
        let tag = Array("\(runIDVariable)=\(runID)".utf8)
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let tagged = entries.compactMap(Int32.init).filter { pid in
            guard pid != me, pid > 1,
                let environ = ProcFile.contents("/proc/\(pid)/environ")
            else { return false }
            return environ.split(separator: 0).contains { $0.elementsEqual(tag) }
        }
        tagged.forEach(killGroupOrProcess)
        tagged.forEach(waitUntilGone)
        return tagged
    }

    /// Kills those of `pids` that are workers of a trial in `keys`; returns the pids killed.
    @discardableResult
    public static func terminate(pids: [Int32], keys: Set<String>) -> [Int32] {
        let killed = pids.filter { pid in pid > 1 && isWorker(pid: pid, keys: keys) }
        killed.forEach(killGroupOrProcess)
        killed.forEach(waitUntilGone)
        return killed
    }

    /// SIGKILL to the process group `pid` leads, or to `pid` alone when it leads none.
    private static func killGroupOrProcess(_ pid: Int32) {
        if processGroup(of: pid) == pid {
            _ = killpg(pid, SIGKILL)
        } else {
            _ = kill(pid, SIGKILL)
        }
    }

    /// Whether `pid` runs a worker for one of `keys`, judged from its command line.
    public static func isWorker(pid: Int32, keys: Set<String>) -> Bool {
        guard let arguments = commandLine(of: pid), !arguments.isEmpty else { return false }
        let mentionsWorker = arguments.contains { $0.contains("worker") }
        let trialKey = arguments.firstIndex(of: "--trial").flatMap { index in
            index + 1 < arguments.count ? arguments[index + 1] : nil
        }
        return mentionsWorker && trialKey.map(keys.contains) == true
    }

    /// The arguments of a running process, nil when there is no such process (or a zombie).
    static func commandLine(of pid: Int32) -> [String]? {
        guard let data = ProcFile.contents("/proc/\(pid)/cmdline"),
            !data.isEmpty
        else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
            .filter { !$0.isEmpty }
    }

    /// The process group id from `/proc/PID/stat` (the field after the state).
    static func processGroup(of pid: Int32) -> Int32? {
        guard let data = ProcFile.contents("/proc/\(pid)/stat") else {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 2 ? Int32(fields[2]) : nil
    }

    /// Waits (up to 2 s) until `pid` has exited, so a new worker never races the old one.
    private static func waitUntilGone(_ pid: Int32) {
        for _ in 0..<200 where commandLine(of: pid) != nil {
            usleep(10_000)
        }
    }
}
