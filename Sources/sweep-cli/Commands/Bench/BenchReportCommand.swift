import ArgumentParser
import Benchmarks
import Sweep

/// `sweep-cli bench report`: a generated large sweep's report, written and rendered.
struct BenchReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report speed: write a generated sweep's HTML report and render it in Chromium.",
        discussion: """
            Generates a store of --trials finished trials (random search, ASHA, some pruned, \
            failed and diverged) in --folder, then times `report` (targets: ≤ 2 s to write, \
            ≤ 5 s to render in headless Chromium for 10,000 trials). Use a release build.
            """)

    @Option(parsing: .unconditional, help: "Trials in the generated sweep.")
    var trials = 10_000

    @Option(help: "Where the generated database and report go.")
    var folder = "results/bench-report"

    @Option(help: "Chart.js to inline.")
    var chartJs = ReportHTML.defaultChartJSPath

    func validate() throws {
        guard trials >= 1 else {
            throw ValidationError("--trials must be at least 1, got \(trials)")
        }
    }

    func run() async throws {
        let chartJS = try ReportHTML.loadChartJS(path: chartJs)
        let result = try ReportBenchmark.run(trials: trials, folder: folder, chartJS: chartJS)
        print(result.report, terminator: "")
    }
}
