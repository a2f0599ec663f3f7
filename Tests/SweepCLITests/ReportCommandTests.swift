import Foundation
import Sweep
import Testing

@Suite struct ReportCommandTests {
    @Test func theReportRendersInHeadlessChromiumWithEveryChartDrawnAndNoRequest() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let out = scratch.path("out/small.html")
        let run = try scratch.run(["report", "small", "--db", scratch.db, "--out", out])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("wrote the report of sweep 'small' (12 trials, by ap_small)"))
        let check = try ReportBrowser.check(path: out)
        #expect(check.ready, "the page's script did not finish: \(check.problems)")
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.charts >= 14)
        #expect(check.drawn == check.charts)
        #expect(check.drawnIDs.count == check.charts)
        #expect(check.drawnIDs.contains("chart-batch-loss-best"))
    }

    @Test func anEmptySweepGivesAReportThatSaysSo() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let out = scratch.path("empty.html")
        let run = try scratch.run(["report", "empty", "--db", scratch.db, "--out", out])
        #expect(run.status == 0, "\(run.output)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("the sweep has no trials yet"))
        let check = try ReportBrowser.check(path: out)
        #expect(check.ready && check.problems.isEmpty, "\(check.problems)")
    }

    @Test func anUnknownSweepOrAnUnwritablePathIsAClearError() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let unknown = try scratch.run(["report", "nope", "--db", scratch.db])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("nope") && unknown.output.contains("small"))
        #expect(!unknown.signalled)
        _ = FileManager.default.createFile(atPath: scratch.path("file"), contents: Data())
        let blocked = scratch.path("file/report.html")
        let unwritable = try scratch.run(["report", "small", "--db", scratch.db, "--out", blocked])
        #expect(unwritable.status == 1)
        #expect(unwritable.output.contains("\(blocked): cannot write"))
        let missing = try scratch.run([
            "report", "small", "--db", scratch.db, "--chart-js", scratch.path("none.js"),
        ])
        #expect(missing.status == 1)
        #expect(missing.output.contains("apt-get install -y libjs-chart.js"))
    }

    /// `--open` hands the written report to `xdg-open` from `PATH` (here a script that notes its
    /// argument); without one the report is still written and the line says how to install it.
    @Test func openHandsTheReportToXDGOpenFromThePath() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let bin = scratch.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opened = scratch.path("opened")
        try "#!/bin/sh\nprintf '%s' \"$1\" > \(opened).part && mv \(opened).part \(opened)\n"
            .write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        let out = scratch.path("opened.html")
        let run = try scratch.run(
            ["report", "small", "--db", scratch.db, "--out", out, "--open"],
            environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("opening \(out) with \(bin)/xdg-open"))
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: opened) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect((try? String(contentsOfFile: opened, encoding: .utf8)) == out)
        let without = scratch.path("nothing")
        try FileManager.default.createDirectory(atPath: without, withIntermediateDirectories: true)
        let unopened = scratch.path("unopened.html")
        let alone = try scratch.run(
            ["report", "small", "--db", scratch.db, "--out", unopened, "--open"],
            environment: ["PATH": without])
        #expect(alone.status == 0, "\(alone.output)")
        #expect(alone.output.contains("xdg-open is not installed"))
        #expect(FileManager.default.fileExists(atPath: unopened))
    }

    @Test func watchEndsWithAFinalReportOnceNoTrialRuns() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let out = scratch.path("watched.html")
        let run = try scratch.run([
            "report", "small", "--db", scratch.db, "--out", out, "--watch", "1",
        ])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("no trial is running: wrote the final report to \(out)"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("http-equiv=\"refresh\""))
        let zero = try scratch.run(["report", "small", "--db", scratch.db, "--watch", "0"])
        #expect(zero.status != 0 && zero.output.contains("--watch must be at least 1"))
    }

    @Test func importanceAndAdviceInTheTerminalAndAsJSON() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let table = try scratch.run(["importance", "small", "--db", scratch.db])
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.contains("fANOVA importance for ap_small"))
        let json = try scratch.run(["importance", "small", "--db", scratch.db, "--json"])
        let entries = try JSONDecoder().decode(
            [FanovaImportance.Entry].self, from: Data(json.output.utf8))
        #expect(Set(entries.map(\.parameter)) == ["lr", "weight_decay", "batch_size", "loss"])
        #expect(abs(entries.reduce(0) { $0 + $1.importance } - 1) < 1e-9)
        let advice = try scratch.run(["advise", "small", "--db", scratch.db])
        #expect(advice.status == 0, "\(advice.output)")
        #expect(advice.output.contains("batch_size"))
        #expect(advice.output.contains("lr* ∝ batch^k"))
        let adviceJSON = try scratch.run(["advise", "small", "--db", scratch.db, "--json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(adviceJSON.output.utf8))
        #expect((decoded as? [String: Any])?["rows"] != nil)
        let empty = try scratch.run(["advise", "empty", "--db", scratch.db])
        #expect(empty.status == 0 && empty.output.contains("no batch size has ranked trials"))
    }

    @Test func exportWritesTheParetoFront() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        try scratch.storeWithSmallSweep()
        let csv = scratch.path("front.csv")
        let run = try scratch.run(["export", "small", "--db", scratch.db, "--pareto", "--out", csv])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("Pareto-front trials"))
        let lines = try String(contentsOfFile: csv, encoding: .utf8)
            .split(separator: "\r\n")
        #expect(lines.count >= 2)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",completed,") })
        let alone = try scratch.run(["export", "small", "--db", scratch.db, "--pareto"])
        #expect(alone.status != 0 && alone.output.contains("--pareto"))
    }
}
