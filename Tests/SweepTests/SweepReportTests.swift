import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct SweepReportTests {
    private let spec = """
        name: s
        method: grid
        parameters:
          lr: {values: [0.01, 0.1]}
        trainer:
          epochs: 9
        early_stop: {type: asha, min_epochs: 1, reduction_factor: 3}
        """

    private func input(_ trials: [TrialRecord], sweep: String = "s") -> ReportInput {
        ReportInput(
            sweep: sweep, specText: spec, createdAt: ReportFixtures.origin, trials: trials,
            epochs: [:], now: ReportFixtures.origin.addingTimeInterval(100))
    }

    private func sweepTrials() -> [TrialRecord] {
        (0..<12).map { index in
            ReportFixtures.record(
                index, lr: [0.001, 0.01, 0.1][index % 3], batchSize: [8, 16, 32, 64][index % 4],
                loss: [.mse, .ce, .focal][index / 4], apSmall: 0.02 * Double(index),
                start: Double(index), end: Double(index) + 5)
        } + [
            ReportFixtures.record(
                12, apSmall: nil, state: .failed, start: 1, end: 2, error: "worker crashed")
        ]
    }

    @Test func aSweepGivesEveryChartAndTheRanking() throws {
        let report = SweepReport(input(sweepTrials()))
        let ids = Set(report.charts.map(\.id))
        for id in [
            "history-trial", "history-time", "parallel", "slice-lr", "slice-loss",
            "batch-loss-best", "batch-loss-median", "lr-batch-best", "lr-batch-median", "curves",
            "importance", "pareto", "timeline", "advice",
        ] {
            #expect(ids.contains(id), "missing chart \(id)")
        }
        #expect(report.table.rows.count == 12)
        #expect(report.table.columns.contains("ap_very_tiny"))
        #expect(report.summary.problems.map(\.error) == ["worker crashed"])
        #expect(report.summary.best?.hasPrefix("trial 11:") == true)
        #expect(report.pareto.count >= 1)
    }

    @Test func theLearningCurvesMarkTheASHARungs() throws {
        let report = SweepReport(input(sweepTrials()))
        let curves = try #require(report.charts.first { $0.id == "curves" })
        let rungs = curves.config.data.datasets.filter { $0.label.hasPrefix("rung at epoch") }
        #expect(rungs.map(\.label) == ["rung at epoch 1", "rung at epoch 3"])
        #expect(curves.note?.contains("ASHA") == true)
    }

    @Test func anEmptySweepSaysSo() throws {
        let report = SweepReport(input([]))
        #expect(report.summary.notes.first?.contains("no trials yet") == true)
        #expect(report.importance == nil && report.importanceNote != nil)
        #expect(try ReportHTML.render(report, chartJS: "").contains("report-data"))
    }

    @Test func onlyFailedTrialsSaySoAndListTheReasons() {
        let failed = (0..<3).map {
            ReportFixtures.record($0, apSmall: nil, state: .failed, error: "boom \($0)")
        }
        let report = SweepReport(input(failed))
        #expect(report.summary.notes.first?.contains("no trial has a result yet") == true)
        #expect(report.summary.problems.count == 3)
        #expect(report.table.rows.isEmpty)
    }

    @Test func thePageIsSelfContainedAndItsDataCannotCloseTheScript() throws {
        let report = SweepReport(input(sweepTrials(), sweep: "</script><script>alert(1)"))
        let html = try ReportHTML.render(report, chartJS: "/* chart.js */")
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("</script><script>alert"))
        #expect(html.components(separatedBy: "</script>").count == 4)
        #expect(!html.contains("src=\"http"))
    }

    @Test func aMissingChartJSIsAClearError() {
        #expect(throws: ReportError.chartJSMissing(path: "/nonexistent/chart.min.js")) {
            try ReportHTML.loadChartJS(path: "/nonexistent/chart.min.js")
        }
        #expect(
            ReportError.chartJSMissing(path: "/x").description.contains(
                "apt-get install -y libjs-chart.js"))
    }
}
