import ArgumentParser
import Sweep

struct ImportanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importance",
        abstract: "Show which hyperparameters mattered (fANOVA, as Optuna computes it).",
        discussion: """
            A random forest of 64 trees fitted on the completed trials' parameters and \
            objective (the sweep's, or --objective), then the functional-ANOVA variance decomposition; importances sum to 1.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "The sweep database.")
    var db = SQLiteTrialStore.defaultPath

    @Option(help: ObjectiveOption.help)
    var objective: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        _ = try ObjectiveOption.metric(objective)
    }

    func run() async throws {
        let store = try SQLiteTrialStore(path: db, readOnly: true)
        let objective = try ObjectiveOption.metric(objective) ?? store.objective(sweep: sweep)
        let entries = FanovaImportance.evaluate(
            try store.ranking(sweep: sweep, objective: objective), objective: objective)
        if json {
            print(try ReportText.json(entries ?? []), terminator: "")
        } else {
            print(
                ReportText.importance(entries, sweep: sweep, objective: objective.name),
                terminator: "")
        }
    }
}
