import Foundation
import Sweep

#if canImport(Glibc)
    import Glibc
#endif

/// `sweep-cli bench report`: how long a large sweep's report takes to write, and to render in
/// headless Chromium. Targets (issue 15): a 10,000-trial sweep's report written in ≤ 2 s and
/// rendered in ≤ 5 s.
public enum ReportBenchmark {
    public struct Result: Sendable, Equatable {
        public var trials: Int
        /// Seconds to generate the store (not a target).
        public var generateSeconds: Double
        /// Seconds from opening the store to the written HTML file.
        public var reportSeconds: Double
        /// CPU seconds this process spent on it (what a loaded machine does not inflate).
        public var reportCPUSeconds: Double
        public var htmlBytes: Int
        /// Seconds Chromium took to load, run and dump the page; nil without Chromium.
        public var renderSeconds: Double?
        /// CPU seconds Chromium's processes spent on it.
        public var renderCPUSeconds: Double?
        public var check: ReportBrowser.Check?

        /// The benchmark's printed report.
        public var report: String {
            var lines = [
                "report benchmark: \(trials) generated trials (store written in "
                    + "\(ReportFormat.fixed(generateSeconds, decimals: 1)) s)",
                "write report: \(ReportFormat.fixed(reportSeconds, decimals: 2)) s wall, "
                    + "\(ReportFormat.fixed(reportCPUSeconds, decimals: 2)) s CPU "
                    + "(\(htmlBytes / 1024) KiB)  target ≤ 2 s: \(reportSeconds <= 2 ? "met" : "NOT met")",
            ]
            if let renderSeconds, let check {
                lines.append(
                    "render in headless Chromium: \(ReportFormat.fixed(renderSeconds, decimals: 2)) s wall, "
                        + "\(ReportFormat.fixed(renderCPUSeconds ?? 0, decimals: 2)) s CPU "
                        + "(process start included; the page's script "
                        + "\(check.scriptMilliseconds.map { "\($0) ms" } ?? "did not finish"); "
                        + "\(check.drawn) of \(check.charts) charts drew, "
                        + "\(check.problems.count) problems)  target ≤ 5 s: "
                        + (renderSeconds <= 5 ? "met" : "NOT met"))
                lines += check.problems.map { "  problem: \($0)" }
            } else {
                lines.append("render: chromium is not installed; skipped")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Generates a `trials`-trial store in `folder` (replacing an earlier one), writes its report
    /// there with `chartJS` inlined and, when Chromium is installed, renders it.
    public static func run(trials: Int, folder: String, chartJS: String) throws -> Result {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = "\(folder)/bench-report.sqlite"
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: database + suffix)
        }
        let clock = ContinuousClock()
        var started = clock.now
        try SyntheticSweepStore.write(path: database, trials: trials)
        let generateSeconds = seconds(clock.now - started)
        let html = "\(folder)/bench-report.html"
        started = clock.now
        let cpuStarted = cpuSeconds(RUSAGE_SELF.rawValue)
        let store = try SQLiteTrialStore(path: database, readOnly: true)
        try ReportWriter.write(store: store, sweep: "generated", to: html, chartJS: chartJS)
        let reportSeconds = seconds(clock.now - started)
        let reportCPUSeconds = cpuSeconds(RUSAGE_SELF.rawValue) - cpuStarted
        let bytes = (try? FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0
        var result = Result(
            trials: trials, generateSeconds: generateSeconds, reportSeconds: reportSeconds,
            reportCPUSeconds: reportCPUSeconds, htmlBytes: bytes)
        if ReportBrowser.executable() != nil {
            started = clock.now
            let childrenStarted = cpuSeconds(RUSAGE_CHILDREN.rawValue)
            result.check = try ReportBrowser.check(path: html)
            result.renderSeconds = seconds(clock.now - started)
            result.renderCPUSeconds = cpuSeconds(RUSAGE_CHILDREN.rawValue) - childrenStarted
        }
        return result
    }

    /// User + system CPU seconds of this process (`RUSAGE_SELF`) or of its ended children.
    private static func cpuSeconds(_ who: __rusage_who_t) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
