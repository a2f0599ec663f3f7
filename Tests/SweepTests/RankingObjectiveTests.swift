import Foundation
import Testing
import Trainer

@testable import Sweep

/// Ranking, export and `status` by a sweep's chosen objective instead of `ap_small`.
@Suite struct RankingObjectiveTests {
    /// ap_small orders 0, 1, 2; ap50_small orders 2, 0, 1; 3 ties 2 on ap50_small and loses on
    /// ap_small.
    private let trials = [
        StoreFixtures.record(0, apSmall: 0.3, ap50Small: 0.5),
        StoreFixtures.record(1, apSmall: 0.2, ap50Small: 0.4),
        StoreFixtures.record(2, apSmall: 0.1, ap50Small: 0.6),
        StoreFixtures.record(3, apSmall: 0.05, ap50Small: 0.6),
    ]

    @Test func ranksByTheObjectiveFirstThenTheUsualKeys() {
        #expect(Ranking.rank(trials).map(\.trial.index) == [0, 1, 2, 3])
        #expect(
            Ranking.rank(trials, objective: Objective(.ap50Small)).map(\.trial.index) == [
                2, 3, 0, 1,
            ])
    }

    @Test func undefinedObjectiveValuesSortLast() {
        var undefined = StoreFixtures.record(4, apSmall: 0.9, ap50Small: -1)
        undefined.metrics?.apTiny = -1
        let ranked = Ranking.rank(trials + [undefined], objective: Objective(.apTiny))
        // ap_tiny is 0.07 for every fixture but the undefined one; ap_small breaks the tie.
        #expect(ranked.map(\.trial.index) == [0, 1, 2, 3, 4])
    }

    @Test func tableLeadsWithTheObjectiveAndNamesIt() {
        let ranking = Ranking.rank(trials, objective: Objective(.ap50Small))
        let text = RankingTable.report(
            sweep: "s", ranking: ranking, totalTrials: 4, objective: Objective(.ap50Small))
        #expect(text.hasPrefix("sweep 's': 4 ranked of 4 trials by ap50_small\n"))
        let header = text.split(separator: "\n")[1]
        let columns = header.split(separator: " ").map(String.init)
        #expect(Array(columns[6...8]) == ["ap50_small", "ap_small", "ap"])
    }

    @Test func exportAndStatusUseTheStoredObjective() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            let id = try store.openSweep(name: "s", specText: "name: s\nobjective: ap50_small\n")
            let planned = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1) / 100) }
            try store.plan(sweepID: id, trials: planned)
            for (trial, (apSmall, ap50Small)) in zip(planned, [(0.3, 0.1), (0.2, 0.9), (0.1, 0.5)])
            {
                try store.markRunning(key: trial.key, pid: 1, at: Date())
                try store.finish(
                    key: trial.key,
                    outcome: StoreFixtures.completed(
                        StoreFixtures.metrics(apSmall: apSmall, ap50Small: ap50Small)))
            }
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect(try reader.objective(sweep: "s") == Objective(.ap50Small))

            let csvPath = folder.path("ranking.csv")
            let messages = try SweepExporter.export(
                from: reader, sweep: "s", csvPath: csvPath,
                bestConfigPath: folder.path("best.yaml"))
            let records = try #require(
                RFC4180Reader.parse(try String(contentsOfFile: csvPath, encoding: .utf8)))
            #expect(records.dropFirst().map { $0[1] } == ["1", "2", "0"])
            #expect(messages.last?.contains("trial 1 (ap50_small 0.9000)") == true)
            let yaml = try String(contentsOfFile: folder.path("best.yaml"), encoding: .utf8)
            #expect(yaml.contains("# objective ap50_small 0.9\n"))

            _ = try SweepExporter.export(
                from: reader, sweep: "s", csvPath: csvPath, bestConfigPath: nil,
                objective: Objective(.apSmall))
            let byAPSmall = try #require(
                RFC4180Reader.parse(try String(contentsOfFile: csvPath, encoding: .utf8)))
            #expect(byAPSmall.dropFirst().map { $0[1] } == ["0", "1", "2"])

            let status = try reader.status(sweep: "s")
            #expect(status.summary.objective == Objective(.ap50Small))
            #expect(status.summary.best?.trial.index == 1)
            let report = SweepStatusReport.render(status, now: Date())
            #expect(report.contains("best: trial 1, ap50_small 0.9000"))
        }
    }

    /// A minimised metric of the program's own ranks lowest first; trials that did not report
    /// it come last, in plan order.
    @Test func aMinimisedReportedMetricRanksLowestFirst() {
        let losses: [Double] = [0.3, .nan, 0.1, 0.2]
        let trials = losses.enumerated().map { index, loss in
            var record = StoreFixtures.record(index, apSmall: 0.5)
            record.metrics?.reported = loss.isNaN ? [:] : ["val_loss": loss]
            return record
        }
        let ranked = Ranking.rank(trials, objective: Objective(name: "val_loss", goal: .minimize))
        #expect(ranked.map(\.trial.index) == [2, 3, 0, 1])
        let table = RankingTable.report(
            sweep: "s", ranking: ranked, totalTrials: 4,
            objective: Objective(name: "val_loss", goal: .minimize))
        #expect(table.hasPrefix("sweep 's': 4 ranked of 4 trials by val_loss (minimised)\n"))
        #expect(table.contains("val_loss  ap_small"), "\(table)")
    }
}
