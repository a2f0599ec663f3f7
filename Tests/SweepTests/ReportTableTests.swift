import Foundation
import Testing

@testable import Sweep

@Suite struct ReportTableTests {
    @Test func rankingTableAlignsColumnsAndMarksPruned() {
        let ranking = Ranking.rank([
            StoreFixtures.record(0, apSmall: 0.1234567),
            StoreFixtures.record(11, state: .pruned, apSmall: 0.5, ap: -1),
        ])
        let lines = RankingTable.render(ranking).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("rank  trial"))
        #expect(lines[1].contains("0.5000"))
        #expect(lines[1].contains("pruned"))
        #expect(lines[1].contains("  -  "), "undefined ap shows as -")
        #expect(lines[2].contains("0.1235"))
        #expect(lines[2].contains("completed"))
        let stateColumn = lines[0].range(of: "state")!.lowerBound.utf16Offset(in: lines[0])
        #expect(lines[1].dropFirst(stateColumn).hasPrefix("pruned"))
        #expect(lines[2].dropFirst(stateColumn).hasPrefix("completed"))
    }

    @Test func topReportSaysWhenNothingIsRanked() {
        let text = RankingTable.report(sweep: "s", ranking: [], totalTrials: 4, limit: 10)
        #expect(text.contains("0 ranked of 4 trials"))
        #expect(text.contains("no completed or pruned trial"))
        let ranking = Ranking.rank((0..<3).map { StoreFixtures.record($0, apSmall: 0.1) })
        let top = RankingTable.report(sweep: "s", ranking: ranking, totalTrials: 3, limit: 2)
        #expect(top.split(separator: "\n").count == 4)
        #expect(top.contains("top 2"))
    }

    @Test func statusShowsRunningPidsAndErrors() {
        var running = StoreFixtures.record(3, state: .running, apSmall: -1)
        running.workerPID = 4242
        running.startedAt = Date(timeIntervalSince1970: 1000)
        running.epochsReached = 1
        var failed = StoreFixtures.record(5, state: .failed, apSmall: -1)
        failed.error = "worker crashed:\nsignal 11"
        let summary = SweepSummary(
            name: "s", createdAt: Date(timeIntervalSince1970: 0),
            counts: [.running: 1, .failed: 1, .queued: 2])
        let text = SweepStatusReport.render(
            SweepStatus(summary: summary, running: [running], problems: [failed]),
            now: Date(timeIntervalSince1970: 1185))
        #expect(text.contains("4 trials"))
        #expect(text.contains("queued 2, running 1, failed 1"))
        #expect(text.contains("4242"))
        #expect(text.contains("3m05s"))
        #expect(text.contains("1/3"))
        #expect(text.contains("worker crashed: signal 11"))
        #expect(text.contains("1970-01-01T00:00:00Z"))
    }

    @Test func listShowsOneLinePerSweep() {
        let best = Ranking.rank([StoreFixtures.record(0, apSmall: 0.25)]).first
        let text = SweepListTable.render([
            SweepSummary(name: "a", createdAt: Date(), counts: [.completed: 1], best: best),
            SweepSummary(name: "b", createdAt: Date(), counts: [:]),
        ])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("a "))
        #expect(lines[1].hasSuffix("0.2500"))
        #expect(lines[2].hasSuffix("-"))
        #expect(SweepListTable.render([]).contains("no sweeps"))
    }

    @Test(arguments: [(5.25, "5.2s"), (185, "3m05s"), (7380, "2h03m"), (-1, "-")])
    func durations(seconds: Double, expected: String) {
        #expect(ReportFormat.duration(seconds) == expected)
    }
}
