import Foundation
import Testing
import Trainer

@testable import Sweep

/// The report, importance, advice and Pareto front follow the sweep's objective (or an override),
/// not a fixed ap_small: on a 3 lr × 3 batch size grid, ap_small depends on lr only (best at lr
/// 0.1) and ap50_small mostly on batch size (best at lr 0.001, batch 8).
@Suite struct ReportObjectiveTests {
    private let spec = """
        name: o
        method: grid
        objective: ap50_small
        parameters:
          lr: {values: [0.001, 0.01, 0.1]}
          batch_size: {values: [8, 16, 32]}
        """

    private func trials() -> [TrialRecord] {
        var records: [TrialRecord] = []
        for lr in [0.001, 0.01, 0.1] {
            for batchSize in [8, 16, 32] {
                var record = ReportFixtures.record(
                    records.count, lr: lr, batchSize: batchSize,
                    seconds: 10 + Double(records.count))
                var metrics = DetectionMetrics { _ in 0.1 }
                metrics.apSmall = 0.5 + 0.1 * log10(lr)
                metrics.ap50Small = 0.6 - Double(batchSize) / 100 - 0.05 * log10(lr)
                record.metrics = metrics
                records.append(record)
            }
        }
        return records
    }

    private func report(_ objective: Objective? = nil) -> SweepReport {
        SweepReport(
            ReportInput(
                sweep: "o", specText: spec, createdAt: ReportFixtures.origin, trials: trials(),
                epochs: [:], now: ReportFixtures.origin, objective: objective))
    }

    @Test func theReportUsesTheStoredObjective() throws {
        let report = report()
        #expect(report.summary.objective == "ap50_small")
        // lr 0.001, batch 8 is trial 0: ap50_small 0.6 - 0.08 + 0.15.
        #expect(report.summary.best?.hasPrefix("trial 0: ap50_small 0.6700") == true)
        #expect(try #require(report.importance).first?.parameter == "batch_size")
        #expect(report.advice.objective == "ap50_small")
        #expect(report.advice.rows.first { $0.batchSize == 8 }?.bestLR == 0.001)
        #expect(report.pareto.map(\.trial) == [0])
        #expect(abs((report.pareto.first?.objective ?? 0) - 0.67) < 1e-9)
        let history = try #require(report.charts.first { $0.id == "history-trial" })
        #expect(history.config.options.plugins.title.text == "ap50_small by trial number")
    }

    @Test func anOverrideRanksAndChartsByAnotherMetric() throws {
        let report = report(Objective(.apSmall))
        #expect(report.summary.objective == "ap_small")
        // lr 0.1, batch 8 is trial 6: ap_small 0.4.
        #expect(report.summary.best?.hasPrefix("trial 6: ap_small 0.4000") == true)
        #expect(try #require(report.importance).first?.parameter == "lr")
        #expect(report.advice.rows.first { $0.batchSize == 8 }?.bestLR == 0.1)
        let history = try #require(report.charts.first { $0.id == "history-trial" })
        #expect(history.config.options.plugins.title.text == "ap_small by trial number")
    }

    @Test func theTerminalTextsNameTheObjective() throws {
        let report = report()
        let importance = ReportText.importance(
            report.importance, sweep: "o", objective: "ap50_small")
        #expect(importance.hasPrefix("sweep 'o': fANOVA importance for ap50_small"))
        let advice = ReportText.advice(report.advice, sweep: "o")
        #expect(
            advice.hasPrefix("sweep 'o': batch-size advice from its ranked trials, by ap50_small\n")
        )
        #expect(advice.contains("best_ap50_small"))
    }

    @Test func theParetoFrontOfARankingFollowsItsObjective() {
        let trials = trials()
        let byAP50 = ParetoFront.front(
            Ranking.rank(trials, objective: Objective(.ap50Small)), objective: Objective(.ap50Small)
        )
        #expect(byAP50.map(\.trial.index) == [0])
        let byAPSmall = ParetoFront.front(
            Ranking.rank(trials, objective: Objective(.apSmall)), objective: Objective(.apSmall))
        // Trials 0, 3 and 6 (batch 8) each beat the faster ones on ap_small.
        #expect(byAPSmall.map(\.trial.index) == [0, 3, 6])
    }
}
