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

    @OptionGroup var options: RankedSweepOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let (ranking, objective, received) = try options.ranking()
        let entries = FanovaImportance.evaluate(ranking, objective: objective, received: received)
        if json {
            print(try ReportText.json(entries ?? []), terminator: "")
        } else {
            print(
                ReportText.importance(entries, sweep: options.sweep, objective: objective.name),
                terminator: "")
        }
    }
}
