import Benchmarks
import Foundation
import Sweep
import Testing

/// The replay over a generated 4 × 3 × 2 × 3 = 72-config grid whose objective peaks at
/// lr 0.01, weight_decay 0.0005, batch_size 32, loss ce.
@Suite struct SearchBenchmarkTests {
    private static let lrs = [0.0001, 0.001, 0.01, 0.1]
    private static let decays = [0.0001, 0.0005, 0.001]
    private static let batches = [16, 32]
    private static let losses = ["mse", "ce", "focal"]

    private static func objective(_ lr: Double, _ decay: Double, _ batch: Int, _ loss: String)
        -> Double
    {
        var value = 0.5 - 0.1 * abs(log10(lr) + 2) - 100 * abs(decay - 0.0005)
        value -= batch == 32 ? 0 : 0.02
        value -= loss == "ce" ? 0 : (loss == "mse" ? 0.05 : 0.03)
        return value
    }

    private static func makeTable() throws -> SearchTable {
        var lines = ["rank,trial,lr,weight_decay,batch_size,loss,ap_small"]
        for lr in lrs {
            for decay in decays {
                for batch in batches {
                    for loss in losses {
                        let value = objective(lr, decay, batch, loss)
                        lines.append(
                            "0,\(lines.count - 1),\(lr),\(decay),\(batch),\(loss),\(value)")
                    }
                }
            }
        }
        return try SearchTable(
            csv: lines.joined(separator: "\n"), file: "generated.csv", objective: "ap_small")
    }

    @Test func tableHoldsTheWholeGrid() throws {
        let table = try Self.makeTable()
        #expect(table.objectives.count == 72)
        #expect(table.best == 0.5)
    }

    @Test(arguments: SearchStrategy.allCases, [1, 4])
    func everyRunFindsTheBestWithinTheTableSize(strategy: SearchStrategy, jobs: Int) throws {
        // Gap 0 and a budget of the whole table: a search without repeats must hit the best by
        // trial 72 at the latest.
        let benchmark = try SearchBenchmark(
            table: try Self.makeTable(), gap: 0, budget: 72, jobs: jobs)
        let stats = try benchmark.statistics(strategy, seeds: 5)
        #expect(stats.runs.count == 5)
        #expect(stats.runs.allSatisfy { (1...72).contains($0) })
    }

    /// Configs without a row (diverged in the grid run) are failed look-ups: a search without
    /// repeats still hits the best within the whole grid, and the report counts them.
    @Test(arguments: SearchStrategy.allCases)
    func absentConfigsAreFailedTrials(strategy: SearchStrategy) throws {
        let full = try Self.makeTable()
        var lines = ["rank,trial,lr,weight_decay,batch_size,loss,ap_small"]
        for (parameters, value) in full.objectives
        where parameters.lr != 0.1 || parameters.weightDecay != 0.0001 || parameters.batchSize != 16
        {
            lines.append(
                "0,0,\(parameters.lr),\(parameters.weightDecay),\(parameters.batchSize),"
                    + "\(parameters.loss.rawValue),\(value)")
        }
        let table = try SearchTable(
            csv: lines.joined(separator: "\n"), file: "diverged.csv", objective: "ap_small")
        #expect(table.configs == 72)
        #expect(table.absent == 3)
        let benchmark = try SearchBenchmark(table: table, gap: 0, budget: 72, jobs: 1)
        let stats = try benchmark.statistics(strategy, seeds: 5)
        #expect(stats.runs.allSatisfy { (1...72).contains($0) })
        let report = try SearchBenchmarkReport(benchmark: benchmark, methods: [strategy], seeds: 1)
        #expect(report.table.absent == table.absent)
    }

    @Test func aRunThatNeverGetsThereCountsBudgetPlusOne() throws {
        let benchmark = try SearchBenchmark(
            table: try Self.makeTable(), gap: 0, budget: 1, jobs: 1)
        let runs = try (0..<20).map { try benchmark.trialsNeeded(.random, seed: UInt64($0)) }
        #expect(Set(runs).isSubset(of: [1, 2]))
        #expect(runs.contains(2))
    }

    @Test func tpeBeatsRandomOnASmoothTable() throws {
        let benchmark = try SearchBenchmark(
            table: try Self.makeTable(), gap: 0, budget: 72, jobs: 1)
        let random = try benchmark.statistics(.random, seeds: 20)
        let tpe = try benchmark.statistics(.tpe, seeds: 20)
        #expect(tpe.mean < random.mean)
    }

    @Test func aBudgetPastTheTableIsATypedError() throws {
        let table = try Self.makeTable()
        #expect(throws: SearchBenchmarkError.budgetExceedsTable(budget: 73, configs: 72)) {
            try SearchBenchmark(table: table, gap: 0, budget: 73, jobs: 1)
        }
    }

    @Test func runsAreReproducible() throws {
        let benchmark = try SearchBenchmark(
            table: try Self.makeTable(), gap: 0.05, budget: 72, jobs: 4)
        #expect(try benchmark.statistics(.tpe, seeds: 3) == benchmark.statistics(.tpe, seeds: 3))
    }

    @Test func statisticsFollowNumpy() {
        let stats = SearchStatistics(runs: [10, 1, 4, 2])
        #expect(stats.median == 3)
        #expect(stats.mean == 4.25)
        // numpy.percentile([1, 2, 4, 10], 90) = 4 + 0.7 · 6
        #expect(abs(stats.p90 - 8.2) < 1e-12)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let benchmark = try SearchBenchmark(
            table: try Self.makeTable(), gap: 0.01, budget: 72, jobs: 1)
        let report = try SearchBenchmarkReport(benchmark: benchmark, methods: [.tpe], seeds: 2)
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8))
        let root = try #require(object as? [String: Any])
        let table = try #require(root["table"] as? [String: Any])
        #expect(table["configs"] as? Int == 72)
        #expect(table["best"] as? Double == 0.5)
        let methods = try #require(root["methods"] as? [String: Any])
        let tpe = try #require(methods["tpe"] as? [String: Any])
        #expect(Set(tpe.keys) == ["median", "mean", "p90", "runs"])
        #expect((tpe["runs"] as? [Int])?.count == 2)
    }
}
