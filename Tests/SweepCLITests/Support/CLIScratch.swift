import Foundation
import Sweep
import Testing
import Trainer

/// A scratch folder for end-to-end tests of the database commands, with helpers to run
/// `sweep-cli` to its end and read what it printed.
struct CLIScratch {
    let folder: String
    var db: String { folder + "/sweeps.sqlite" }

    init() throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `sweep-cli ARGUMENTS…` (or `executable ARGUMENTS…`, with extra `environment`) to its
    /// end: exit status, whether a signal ended it, and its output.
    func run(
        _ arguments: [String], executable: String? = nil, environment: [String: String] = [:]
    ) throws -> (
        status: Int32, signalled: Bool, output: String
    ) {
        let log = path("cli-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? CLIRun.binary())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, text)
    }

    /// A database at ``db`` with sweep `s` and one completed trial.
    func storeWithOneRankedTrial() throws {
        let store = try SQLiteTrialStore(path: db)
        let id = try store.openSweep(name: "s", specText: "")
        let trial = try #require(
            try SweepSpec.parse(
                text: "name: s\nmethod: grid\nparameters:\n  lr: {values: [0.1]}\n",
                path: path("s.yaml")
            ).planTrials().first)
        try store.plan(sweepID: id, trials: [trial])
        try store.markRunning(key: trial.key, pid: 1, at: Date())
        let metrics = DetectionMetrics(
            ap: 0.3, ap50: 0.6, ap75: 0.2, apSmall: 0.25, apMedium: 0.4, apLarge: -1, ar1: 0.1,
            ar10: 0.2, ar100: 0.3, arSmall: 0.25, arMedium: 0.35, arLarge: -1, ap50Small: 0.5,
            apVeryTiny: 0.05, apTiny: 0.07, apTinySmall: 0.1)
        try store.finish(
            key: trial.key,
            outcome: TrialOutcome(
                state: .completed,
                result: TrainingResult(
                    status: .completed, epochs: 1, metrics: metrics, seconds: 1,
                    imagesPerSecond: 1),
                epochsReached: 1))
        try store.close()
    }
}
