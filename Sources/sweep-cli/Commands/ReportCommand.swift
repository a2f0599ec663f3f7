import ArgumentParser
import Foundation
import Sweep

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a sweep's report: one self-contained, offline HTML file.",
        discussion: """
            Summary, sortable ranking, optimisation history, parallel coordinates, slices, \
            batch size × loss and lr × batch size heatmaps, learning curves with the early \
            stopping rungs, fANOVA importance, Pareto front, worker timeline and batch-size \
            advice. Chart.js is inlined from Debian's libjs-chart.js; the page makes no request.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    @Option(help: "The HTML file to write (default: results/SWEEP.html).")
    var out: String?

    @Flag(help: "Open the report in the default browser (xdg-open) once written.")
    var open = false

    @Option(
        parsing: .unconditional,
        help: "Rewrite the report every SECONDS while trials of the sweep are running.")
    var watch: Int?

    @Option(help: ObjectiveOption.help)
    var objective: String?

    @Option(help: "Chart.js to inline.")
    var chartJs = ReportHTML.defaultChartJSPath

    func validate() throws {
        if let watch, watch < 1 {
            throw ValidationError("--watch must be at least 1 second, got \(watch)")
        }
        _ = try ObjectiveOption.metric(objective)
    }

    func run() async throws {
        let chartJS = try ReportHTML.loadChartJS(path: chartJs)
        let store = try StoreOpener.reader(db)
        let path = out ?? ReportWriter.defaultPath(sweep: sweep)
        let objective = try ObjectiveOption.metric(objective)
        let input = try ReportWriter.write(
            store: store, sweep: sweep, to: path, chartJS: chartJS, refreshSeconds: watch,
            objective: objective)
        print(
            "wrote the report of sweep '\(sweep)' (\(input.trials.count) trials, by "
                + "\(input.objective.name)) to \(path)")
        if open { print(BrowserOpener.open(path)) }
        guard let watch else { return }
        while try ReportWriter.isRunning(store: store, sweep: sweep) {
            try await Task.sleep(for: .seconds(watch))
            let now = try ReportWriter.write(
                store: store, sweep: sweep, to: path, chartJS: chartJS, refreshSeconds: watch,
                objective: objective)
            let running = now.trials.filter { $0.state == .running }.count
            print("rewrote \(path): \(running) trials running")
        }
        try ReportWriter.write(
            store: store, sweep: sweep, to: path, chartJS: chartJS, objective: objective)
        print("no trial is running: wrote the final report to \(path)")
    }
}
