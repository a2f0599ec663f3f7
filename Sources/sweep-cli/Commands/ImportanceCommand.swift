import ArgumentParser
import Sweep

struct ImportanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importance",
        abstract: "Show which hyperparameters mattered (fANOVA, as Optuna computes it).",
        discussion: """
            A random forest of 64 trees fitted on the completed trials' parameters and \
            objective, then the functional-ANOVA variance decomposition; importances sum to 1.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let store = try SQLiteTrialStore(path: db, readOnly: true)
        let entries = FanovaImportance.evaluate(try store.ranking(sweep: sweep))
        if json {
            print(try ReportText.json(entries ?? []), terminator: "")
        } else {
            print(ReportText.importance(entries, sweep: sweep), terminator: "")
        }
    }
}
