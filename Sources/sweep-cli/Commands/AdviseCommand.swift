import ArgumentParser
import Sweep

struct AdviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Batch-size advice from a sweep: best lr per batch size, lr* ∝ batch^k.",
        discussion: """
            For each batch size the best lr, objective and loss; a fit of lr* ∝ batch^k with a \
            95% interval for k; the change of the best objective per doubling of batch size. \
            Says so when the sweep has too few trials per batch size to tell.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let store = try SQLiteTrialStore(path: db, readOnly: true)
        let advice = BatchSizeAdvice(points: ObjectivePoint.points(try store.ranking(sweep: sweep)))
        if json {
            print(try ReportText.json(advice), terminator: "")
        } else {
            print(ReportText.advice(advice, sweep: sweep), terminator: "")
        }
    }
}
