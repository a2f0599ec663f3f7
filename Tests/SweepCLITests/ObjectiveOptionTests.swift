import Foundation
import Sweep
import Testing
import Trainer

/// `sweep-cli top|export|importance|advise|report --objective NAME` and a sweep file's stored `objective:`, end to end.
@Suite struct ObjectiveOptionTests {
    /// Sweep `o` (stored objective `ap50_small`) with two trials: lr 0.1 has the better
    /// ap_small, lr 0.2 the better ap50_small.
    private func store(_ scratch: CLIScratch) throws {
        let text = """
            name: o
            method: grid
            objective: ap50_small
            parameters:
              lr: {values: [0.1, 0.2]}

            """
        let spec = try SweepSpec.parse(text: text, path: scratch.path("o.yaml"))
        let store = try SQLiteTrialStore(path: scratch.db)
        let id = try store.openSweep(name: "o", specText: spec.sourceText)
        let trials = spec.planTrials()
        try store.plan(sweepID: id, trials: trials)
        for (trial, (apSmall, ap50Small)) in zip(trials, [(0.4, 0.1), (0.2, 0.8)]) {
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            var metrics = DetectionMetrics.undefined
            metrics.apSmall = apSmall
            metrics.ap50Small = ap50Small
            try store.finish(
                key: trial.key,
                outcome: TrialOutcome(
                    state: .completed,
                    result: TrainingResult(
                        status: .completed, epochs: 1, metrics: metrics, seconds: 1,
                        imagesPerSecond: 1),
                    epochsReached: 1))
        }
        try store.close()
    }

    /// The plan indices of `top`'s table rows, best first.
    private func order(_ output: String) -> [String] {
        output.split(separator: "\n").dropFirst(2).map {
            String($0.split(separator: " ")[1])
        }
    }

    @Test func topRanksByTheStoredObjectiveOrTheOverride() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try store(scratch)
        let stored = try scratch.run(["top", "o", "--db", scratch.db])
        #expect(stored.status == 0, "\(stored.output)")
        #expect(stored.output.hasPrefix("sweep 'o': 2 ranked of 2 trials by ap50_small\n"))
        #expect(order(stored.output) == ["1", "0"])

        let overridden = try scratch.run([
            "top", "o", "--db", scratch.db, "--objective", "ap_small",
        ])
        #expect(overridden.status == 0, "\(overridden.output)")
        #expect(overridden.output.hasPrefix("sweep 'o': 2 ranked of 2 trials\n"))
        #expect(order(overridden.output) == ["0", "1"])
    }

    @Test func exportOverrideChangesTheCSVOrder() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try store(scratch)
        let out = scratch.path("o.csv")
        let run = try scratch.run([
            "export", "o", "--db", scratch.db, "--out", out, "--objective", "ap_small",
        ])
        #expect(run.status == 0, "\(run.output)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["0", "1"])
    }

    @Test func importanceAdviceParetoAndReportFollowTheStoredObjective() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try store(scratch)
        let importance = try scratch.run(["importance", "o", "--db", scratch.db])
        #expect(importance.status == 0, "\(importance.output)")
        #expect(importance.output.hasPrefix("sweep 'o': fANOVA importance for ap50_small"))
        let advice = try scratch.run(["advise", "o", "--db", scratch.db])
        #expect(advice.status == 0, "\(advice.output)")
        #expect(advice.output.contains("by ap50_small\n"))
        // The one batch size's best trial: lr 0.2 (trial 1) by ap50_small, lr 0.1 by ap_small.
        let row = try #require(advice.output.split(separator: "\n").dropFirst(2).first)
        #expect(row.split(separator: " ").prefix(4) == ["32", "2", "1", "0.2"])
        let overridden = try scratch.run([
            "advise", "o", "--db", scratch.db, "--objective", "ap_small",
        ])
        let overriddenRow = try #require(
            overridden.output.split(separator: "\n").dropFirst(2).first)
        #expect(overriddenRow.split(separator: " ").prefix(4) == ["32", "2", "0", "0.1"])

        let csv = scratch.path("front.csv")
        let pareto = try scratch.run(["export", "o", "--db", scratch.db, "--pareto", "--out", csv])
        #expect(pareto.status == 0, "\(pareto.output)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1] } == ["1"])

        let html = scratch.path("o.html")
        let report = try scratch.run(["report", "o", "--db", scratch.db, "--out", html])
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("(2 trials, by ap50_small)"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("\"objective\":\"ap50_small\""))
        #expect(page.contains("trial 1: ap50_small 0.8000"))
    }

    @Test(arguments: ["top", "export", "importance", "advise", "report"])
    func unknownObjectiveIsAUsageErrorWithASuggestion(command: String) throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try store(scratch)
        var arguments = [command, "o", "--db", scratch.db, "--objective", "ap50small"]
        if command == "export" {
            arguments += ["--out", scratch.path("x.csv")]
        }
        let run = try scratch.run(arguments)
        #expect(run.status == 64)
        #expect(run.output.contains("unknown metric 'ap50small'; did you mean 'ap50_small'?"))
        #expect(run.output.contains("ap_tiny_small"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x.csv")))
    }
}
