import ArgumentParser
import Benchmarks
import Sweep

/// `sweep-cli bench importance`: fANOVA importance of an exported grid table, to set beside
/// `bench/optuna_importance.py` on the same CSV.
struct BenchImportanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importance",
        abstract: "fANOVA importance of an exported ranking CSV (compare with Optuna's).",
        discussion: """
            Reads a `sweep-cli export` CSV (as `bench search --table` does) and prints the \
            parameters' fANOVA importance for --objective, as `sweep-cli importance` computes \
            it from a database.
            """)

    @Option(help: "The exported ranking CSV.")
    var table: String

    @Option(help: "The objective column.")
    var objective = SweepSpec.defaultObjective.name

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let table = try SearchTable(contentsOf: table, objective: objective)
        // In a fixed order (the dictionary's is not), so the forest's samples are reproducible.
        let rows = table.objectives.sorted { a, b in
            let (x, y) = (a.key, b.key)
            return (x.lr, x.weightDecay, x.batchSize, x.loss.rawValue)
                < (y.lr, y.weightDecay, y.batchSize, y.loss.rawValue)
        }
        let points = rows.enumerated().map { offset, entry in
            ObjectivePoint(trial: offset, parameters: entry.key, objective: entry.value)
        }
        let entries = FanovaImportance.evaluate(points: points)
        if json {
            print(try ReportText.json(entries ?? []), terminator: "")
        } else {
            print(
                ReportText.importance(entries, sweep: self.table, objective: objective),
                terminator: "")
        }
    }
}
