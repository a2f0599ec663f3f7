import Foundation

/// Opens a written report in headless Chromium (Debian's `chromium`) and reads back what the
/// page's script recorded: how many charts it made and drew, and every script error, console
/// error and blocked request. For the end-to-end test and `sweep-cli bench report`.
public enum ReportBrowser {
    /// What the page recorded once its script ran.
    public struct Check: Sendable, Equatable {
        /// Whether the script reached its end.
        public var ready: Bool
        public var charts: Int
        /// Charts whose canvas has at least one painted pixel.
        public var drawn: Int
        /// The ids of the chart containers marked drawn.
        public var drawnIDs: [String]
        /// Script errors, console errors and blocked requests, one per line.
        public var problems: [String]
        /// How long the page's script took, from its start to every chart drawn.
        public var scriptMilliseconds: Int?
    }

    /// Why the browser could not be run.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notInstalled
        case failed(status: Int32, output: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "chromium is not installed: apt-get install -y chromium (or run scripts/setup.sh)"
            case .failed(let status, let output):
                "chromium exited with status \(status): \(output.suffix(2000))"
            }
        }
    }

    /// The Chromium executable on `PATH`, nil when none.
    public static func executable() -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":")
        for name in ["chromium", "chromium-browser"] {
            for folder in folders
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Loads the page at `path` and returns what its script recorded.
    public static func check(path: String) throws -> Check {
        let dom = try run(["--dump-dom", fileURL(path)])
        guard let bodyStart = dom.range(of: "<body"),
            let bodyEnd = dom[bodyStart.upperBound...].range(of: ">")
        else {
            return Check(ready: false, charts: 0, drawn: 0, drawnIDs: [], problems: ["no <body>"])
        }
        let body = String(dom[bodyStart.upperBound..<bodyEnd.lowerBound])
        func attribute(_ name: String) -> String? {
            guard let start = body.range(of: "\(name)=\"") else { return nil }
            return String(body[start.upperBound...].prefix { $0 != "\"" })
        }
        var problems: [String] = []
        if let start = dom.range(of: "<pre id=\"report-problems\">"),
            let end = dom[start.upperBound...].range(of: "</pre>")
        {
            problems = dom[start.upperBound..<end.lowerBound].split(separator: "\n").map(
                String.init)
        }
        let drawnIDs = dom.components(separatedBy: "class=\"chart").dropFirst().compactMap {
            tail -> String? in
            let tag = tail.prefix { $0 != ">" }
            guard tag.contains("data-drawn=\"true\""), let id = tag.range(of: "id=\"") else {
                return nil
            }
            return String(tag[id.upperBound...].prefix { $0 != "\"" })
        }
        return Check(
            ready: attribute("data-ready") == "true",
            charts: Int(attribute("data-charts") ?? "") ?? 0,
            drawn: Int(attribute("data-drawn") ?? "") ?? 0, drawnIDs: drawnIDs,
            problems: problems, scriptMilliseconds: attribute("data-script-ms").flatMap { Int($0) })
    }

    /// Saves a PNG of the page at `path` as a `width`×`height` window shows it.
    public static func screenshot(path: String, to png: String, width: Int, height: Int) throws {
        _ = try run(["--screenshot=\(png)", "--window-size=\(width),\(height)", fileURL(path)])
    }

    private static func fileURL(_ path: String) -> String {
        URL(fileURLWithPath: path).absoluteURL.absoluteString
    }

    /// Runs headless Chromium with `arguments` in a fresh profile; returns its standard output.
    private static func run(_ arguments: [String]) throws -> String {
        guard let chromium = executable() else { throw Failure.notInstalled }
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-report-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=\(profile)", "--virtual-time-budget=20000",
                "--allow-file-access-from-files",
            ] + arguments
        let output = Pipe()
        let errors = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-report-chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure.failed(status: process.terminationStatus, output: log)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
