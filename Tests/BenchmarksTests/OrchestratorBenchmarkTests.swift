import Foundation
import Testing
import Trainer

@testable import Benchmarks
@testable import Sweep

@Suite struct OrchestratorBenchmarkTests {
    @Test func eachJobsValueRunsEveryTrialAndReportsTheWorkersSeconds() async throws {
        let rows = try await OrchestratorBenchmark.run(
            trials: 3, jobsList: [1, 2], training: BenchmarkFixtures.training,
            launcher: BenchmarkFixtures.worker("ok"))
        #expect(rows.map(\.jobs) == [1, 2])
        for row in rows {
            #expect(row.trials == 3)
            #expect(row.notCompleted == 0)
            // The fake worker reports 1 s of training per trial.
            #expect(row.meanTrainingSeconds == 1)
            #expect(row.meanTrialSeconds > 0)
            #expect(row.wallSeconds > 0)
        }
        let report = OrchestratorBenchmark.report(rows)
        #expect(report.hasPrefix("jobs  trials  wall_s"))
        #expect(report.split(separator: "\n").count == 3)
    }

    @Test func crashedTrialsAreCountedApart() async throws {
        let rows = try await OrchestratorBenchmark.run(
            trials: 2, jobsList: [2], training: BenchmarkFixtures.training,
            launcher: BenchmarkFixtures.worker("crash"))
        #expect(rows.first?.notCompleted == 2)
        #expect(rows.first?.meanTrainingSeconds == 0)
    }

    @Test func aDatabaseFolderGetsOneFreshSQLiteDatabasePerRun() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("orchestrator-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<2 {
            let rows = try await OrchestratorBenchmark.run(
                trials: 2, jobsList: [1], training: BenchmarkFixtures.training,
                launcher: BenchmarkFixtures.worker("ok"), databaseFolder: folder.path)
            #expect(rows.first?.trials == 2 && rows.first?.notCompleted == 0)
        }
        let store = try SQLiteTrialStore(
            path: folder.appendingPathComponent("bench-orchestrator-jobs1.sqlite").path)
        let trials = try store.trials(sweep: "bench-orchestrator-jobs1")
        #expect(trials.count == 2)
        #expect(trials.allSatisfy { $0.state == .completed })
    }
}
