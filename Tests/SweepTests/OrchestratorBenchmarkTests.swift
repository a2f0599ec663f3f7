import Testing
import Trainer

@testable import Sweep

@Suite struct OrchestratorBenchmarkTests {
    @Test func eachJobsValueRunsEveryTrialAndReportsTheWorkersSeconds() async throws {
        let rows = try await OrchestratorBenchmark.run(
            trials: 3, jobsList: [1, 2], training: SchedulerFixtures.spec(epochs: 1).trainer,
            launcher: SchedulerFixtures.worker("ok"))
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
            trials: 2, jobsList: [2], training: SchedulerFixtures.spec(epochs: 1).trainer,
            launcher: SchedulerFixtures.worker("crash"))
        #expect(rows.first?.notCompleted == 2)
        #expect(rows.first?.meanTrainingSeconds == 0)
    }
}
