import Testing
import Trainer

@testable import Sweep

@Suite struct RankingCSVTests {
    @Test func oneRecordPerRankedTrialWithRoundTrippableNumbers() throws {
        var first = StoreFixtures.record(7, apSmall: 0.30000000000000004, ap50Small: 0.5)
        first.config.parameters.lr = 1e-5
        first.config.parameters.weightDecay = 0.1 + 0.2
        first.seconds = 12.345678901234567
        let ranking = Ranking.rank([
            first,
            StoreFixtures.record(2, state: .pruned, apSmall: -1),
            StoreFixtures.record(3, apSmall: 0.1),
        ])
        let records = try #require(RFC4180Reader.parse(RankingCSV.render(ranking)))
        #expect(records.count == 4)
        let header = records[0]
        #expect(header == RankingCSV.header)
        #expect(
            Array(header.prefix(12)) == [
                "rank", "trial", "lr", "weight_decay", "batch_size", "loss", "ap_small",
                "ap50_small", "ap", "ap50", "epochs", "seconds",
            ])
        func column(_ name: String, _ row: Int) throws -> String {
            records[row][try #require(header.firstIndex(of: name))]
        }
        #expect(try column("trial", 1) == "7")
        #expect(try Double(column("lr", 1)) == 1e-5)
        #expect(try Double(column("weight_decay", 1)) == 0.1 + 0.2)
        #expect(try Double(column("ap_small", 1)) == 0.30000000000000004)
        #expect(try Double(column("seconds", 1)) == 12.345678901234567)
        #expect(try column("state", 1) == "completed")
        #expect(try column("trial", 3) == "2")
        #expect(try column("state", 3) == "pruned")
        #expect(try column("ap_small", 3) == "-1.0")
        #expect(records.allSatisfy { $0.count == header.count })
    }

    /// A metric a command trainer did not report (stored NULL, read as NaN) is an empty cell.
    @Test func anUnreportedMetricIsAnEmptyCell() throws {
        var trial = StoreFixtures.record(1, apSmall: 0.25)
        trial.metrics?.ap = .nan
        let records = try #require(RFC4180Reader.parse(RankingCSV.render(Ranking.rank([trial]))))
        let header = records[0]
        #expect(records[1][try #require(header.firstIndex(of: "ap"))] == "")
        #expect(records[1][try #require(header.firstIndex(of: "ap_small"))] == "0.25")
    }

    @Test func topLimitsTheRows() throws {
        let ranking = Ranking.rank(
            (0..<5).map { StoreFixtures.record($0, apSmall: Double($0) / 10) })
        let records = try #require(RFC4180Reader.parse(RankingCSV.render(ranking, limit: 2)))
        #expect(records.count == 3)
        #expect(records.dropFirst().map { $0[1] } == ["4", "3"])
    }

    /// Every metric has exactly one column, under its ``DetectionMetric`` name, and each metric
    /// column holds that metric's value.
    @Test func everyMetricHasOneColumnWithItsValue() throws {
        let metricColumns = RankingCSV.leadingMetrics + RankingCSV.trailingMetrics
        #expect(metricColumns.count == DetectionMetric.allCases.count)
        #expect(Set(metricColumns) == Set(DetectionMetric.allCases))
        #expect(
            RankingCSV.header.count
                == 11 + DetectionMetric.allCases.count + RankingCSV.conditionalParameters.count)
        var record = StoreFixtures.record(1, apSmall: 0.5)
        record.metrics = DetectionMetrics {
            Double(DetectionMetric.allCases.firstIndex(of: $0) ?? -1) / 100
        }
        let ranked = try #require(Ranking.rank([record]).first)
        let fields = RankingCSV.fields(ranked)
        for (index, metric) in DetectionMetric.allCases.enumerated() {
            let column = try #require(RankingCSV.header.firstIndex(of: metric.name))
            #expect(Double(fields[column]) == Double(index) / 100, "\(metric.name)")
        }
    }

    /// A program's own metrics are the last columns, by name, empty where a trial did not report
    /// one; a name that is already a column (its logged `lr`) is prefixed.
    @Test func reportedMetricsAreTheLastColumns() throws {
        var first = StoreFixtures.record(0, apSmall: 0.3)
        first.metrics?.reported = ["val_loss": 0.25, "lr": 0.001]
        var second = StoreFixtures.record(1, apSmall: 0.2)
        second.metrics?.reported = ["val_loss": .nan]
        let records = try #require(
            RFC4180Reader.parse(RankingCSV.render(Ranking.rank([first, second]))))
        #expect(Array(records[0].suffix(2)) == ["reported.lr", "val_loss"])
        #expect(Array(records[1].suffix(2)) == ["0.001", "0.25"])
        #expect(Array(records[2].suffix(2)) == ["", ""])
    }
}
