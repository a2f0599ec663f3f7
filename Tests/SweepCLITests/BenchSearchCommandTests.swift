import ArgumentParser
import Testing

@testable import sweep_cli

/// `bench search`: a table or a stored grid, and the options that need the stored grid.
@Suite struct BenchSearchCommandTests {
    @Test func aStoredGridWithASHAParses() throws {
        let command = try BenchSearchCommand.parse([
            "--db", "g.db", "--sweep", "grid", "--early-stop", "asha", "--jobs", "2",
        ])
        #expect(command.db == "g.db")
        #expect(command.sweep == "grid")
        #expect(command.earlyStop == "asha")
        #expect(command.table == nil)
    }

    @Test(arguments: [
        ([], "give exactly one of --table FILE.csv or --db DB --sweep NAME"),
        (["--table", "t.csv", "--db", "g.db"], "give exactly one of"),
        (["--db", "g.db"], "--db needs --sweep NAME"),
        (["--table", "t.csv", "--early-stop", "asha"], "--early-stop needs --db"),
        (["--db", "g.db", "--sweep", "s", "--early-stop", "median"], "expected asha"),
        (["--db", "g.db", "--sweep", "s", "--objective", "ap"], "--objective applies to --table"),
    ])
    func badSourcesAreRejected(arguments: [String], message: String) {
        #expect {
            try BenchSearchCommand.parse(arguments)
        } throws: { error in
            BenchSearchCommand.message(for: error).contains(message)
        }
    }
}
