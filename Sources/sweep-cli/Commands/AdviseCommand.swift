import ArgumentParser
import Sweep

struct AdviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Batch-size advice from a sweep: best lr per batch size, lr* ∝ batch^k.",
        discussion: """
            For each batch size the best lr, objective (the sweep's, or --objective) and loss; a fit of lr* ∝ batch^k with a \
            95% interval for k; the change of the best objective per doubling of batch size. \
            Says so when the sweep has too few trials per batch size to tell.
            """)

    @OptionGroup var options: RankedSweepOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let (ranking, objective, received) = try options.ranking()
        let advice = BatchSizeAdvice(
            points: ObjectivePoint.points(ranking, objective: objective), objective: objective.name,
            received: received)
        if json {
            print(try ReportText.json(advice), terminator: "")
        } else {
            print(ReportText.advice(advice, sweep: options.sweep), terminator: "")
        }
    }
}
