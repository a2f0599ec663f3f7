import ArgumentParser
import Benchmarks
import Foundation
import Sweep
import SweepPostgres
import Trainer

/// `sweep-cli bench orchestrator`: per-trial overhead and `--jobs` scaling.
struct BenchOrchestratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchestrator",
        abstract: "Per-trial overhead and --jobs scaling.",
        discussion: """
            Names the worker binary and how it links the Swift runtime (a static runtime, as \
            'swift build -c release --static-swift-stdlib' builds it, starts each worker \
            faster), then runs the same small synthetic sweep (real `sweep-cli worker` \
            processes; an in-memory store, or with --db-folder a fresh SQLite database per run) \
            once per --jobs value and prints wall time, throughput, speed-up over the first \
            value, and per trial: wall seconds, training seconds the worker reported, and the \
            difference (process start, dataset, protocol, store).
            """)

    @Option(parsing: .unconditional, help: "Trials per run.")
    var trials = 8

    @Option(help: "Comma-separated --jobs values to compare.")
    var jobs = "1,2"

    @Option(parsing: .unconditional, help: "Epochs per trial.")
    var epochs = 1

    @Option(parsing: .unconditional, help: "Synthetic image size (pixels).")
    var imageSize = 64

    @Option(parsing: .unconditional, help: "Synthetic training images.")
    var trainImages = 32

    @Option(parsing: .unconditional, help: "Synthetic validation images.")
    var valImages = 16

    @Option(
        help: ArgumentHelp(
            "Write each run to a fresh SQLite database in this folder (as 'run' does) instead "
                + "of an in-memory store.", valueName: "folder"))
    var dbFolder: String?

    @Option(
        help: ArgumentHelp(
            "Write every run to this PostgreSQL database instead (a new sweep per run).",
            valueName: "postgres://USER[:PASSWORD]@HOST[:PORT]/DB"))
    var db: String?

    @Option(help: .hidden)
    var workerCommand: String?

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1") }
        guard epochs >= 0 else { throw ValidationError("--epochs must be at least 0") }
        guard !jobsList.isEmpty, jobsList.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--jobs must list values ≥ 1 such as 1,2,4; got '\(jobs)'")
        }
    }

    private var jobsList: [Int] {
        jobs.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) ?? 0 }
    }

    func run() async throws {
        let options = SyntheticDatasetOptions(
            imageSize: imageSize, trainImages: trainImages, valImages: valImages)
        let training = TrainingConfig(batchSize: 8, epochs: epochs, data: .synthetic(options))
        let launcher = workerCommand.map { WorkerLauncher(executable: $0) } ?? .currentExecutable()
        if workerCommand == nil {
            print(Self.workerLine(launcher.executable, linkage: .current))
        }
        let store: (@Sendable (String) throws -> any TrialStore)? = try db.map { db in
            let store = try PostgresTrialStore(db)
            return { _ in store }
        }
        let rows = try await OrchestratorBenchmark.run(
            trials: trials, jobsList: jobsList, training: training, launcher: launcher,
            databaseFolder: dbFolder, store: store,
            nameSuffix: db == nil ? "" : "-" + UUID().uuidString.prefix(8).lowercased())
        print(OrchestratorBenchmark.report(rows), terminator: "")
    }

    /// Names the worker binary and its Swift runtime linkage, which dominates the overhead.
    static func workerLine(_ executable: String, linkage: SwiftRuntimeLinkage) -> String {
        let line = "worker: \(executable) (Swift runtime: \(linkage.rawValue))"
        guard linkage == .shared else { return line }
        return line
            + "\nnote: a worker built with 'swift build -c release --static-swift-stdlib' "
            + "starts faster"
    }
}
