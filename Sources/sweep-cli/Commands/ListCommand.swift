import ArgumentParser
import Sweep

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the sweeps in the database.")

    @Option(help: "The sweep database (a file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB).")
    var db = SQLiteTrialStore.defaultPath

    func run() async throws {
        let store = try StoreOpener.reader(db)
        print(SweepListTable.render(try store.sweeps()), terminator: "")
    }
}
