import ArgumentParser
import Sweep
import Trainer

/// The sweep, store and objective of the commands that read a sweep's ranking (`importance`,
/// `advise`): an SQLite file or a `postgres://` database.
struct RankedSweepOptions: ParsableArguments {
    @Argument(help: "The sweep's name.")
    var sweep: String

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    @Option(help: ObjectiveOption.help)
    var objective: String?

    func validate() throws {
        _ = try ObjectiveOption.metric(objective)
    }

    /// The sweep's ranking by `--objective`, or by its own objective, that objective, and the
    /// parameters its trials were given (``SweepSpec/receivedParameters``).
    func ranking() throws -> (
        ranking: [RankedTrial], objective: Objective, received: Set<Hyperparameter>
    ) {
        let store = try StoreOpener.reader(db)
        let file = try store.storedFile(sweep: sweep)
        let objective = try ObjectiveOption.metric(objective) ?? file.objective
        return (
            try store.ranking(sweep: sweep, objective: objective), objective,
            file.receivedParameters
        )
    }
}
