import ArgumentParser
import Sweep

struct TopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Show a sweep's best trials.",
        discussion: """
            Ranked by the sweep's objective (the sweep file's `objective:`, ap_small by default; \
            --objective overrides it), then ap_small, then ap50_small, then ap (undefined -1 last), then plan index. \
            Pruned trials are ranked by their last epoch's metrics and marked 'pruned'.
            """)

    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(
        name: [.customShort("n"), .customLong("count")], parsing: .unconditional,
        help: "How many trials to show.")
    var count = 10

    @Option(help: ObjectiveOption.help)
    var objective: String?

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    func validate() throws {
        guard count >= 1 else {
            throw ValidationError("-n must be at least 1, got \(count)")
        }
        _ = try ObjectiveOption.metric(objective)
    }

    func run() async throws {
        let store = try StoreOpener.reader(db)
        let trials = try store.trials(sweep: sweep)
        let file = try store.storedFile(sweep: sweep)
        let objective = try ObjectiveOption.metric(objective) ?? file.objective
        let report = RankingTable.report(
            sweep: sweep, ranking: Ranking.rank(trials, objective: objective),
            totalTrials: trials.count, limit: count, objective: objective,
            received: file.receivedParameters)
        print(report, terminator: "")
    }
}
