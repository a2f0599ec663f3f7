import ArgumentParser
import Testing

@testable import sweep_cli

@Suite struct BenchASHACommandTests {
    @Test func optionsParseWithTheirDefaults() throws {
        let command = try BenchASHACommand.parse(["grid", "--db", "g.db"])
        #expect(command.sweep == "grid")
        #expect(command.db == "g.db")
        #expect(command.jobs == 4)
        #expect(command.reductionFactor == 3)
        #expect(command.minEpochs == 1)
        #expect(command.timing == .unitEpochs)
        let tuned = try BenchASHACommand.parse([
            "grid", "--jobs", "2", "--reduction-factor", "2", "--min-epochs", "3", "--timing",
            "recorded",
        ])
        #expect(tuned.timing == .recorded)
        #expect(tuned.jobs == 2)
        #expect(tuned.reductionFactor == 2)
        #expect(tuned.minEpochs == 3)
    }

    @Test(arguments: [
        (["grid", "--jobs", "0"], "--jobs must be at least 1, got 0"),
        (["grid", "--reduction-factor", "1"], "--reduction-factor must be at least 2, got 1"),
        (["grid", "--min-epochs", "0"], "--min-epochs must be at least 1, got 0"),
    ])
    func badOptionsAreRejected(arguments: [String], message: String) {
        #expect {
            try BenchASHACommand.parse(arguments)
        } throws: { error in
            BenchASHACommand.message(for: error).contains(message)
        }
    }

    /// The replay reads an SQLite file; a PostgreSQL URL is refused plainly, without its
    /// password (it used to be opened as a file path and echoed whole).
    @Test func aPostgresURLIsRefusedWithoutItsPassword() throws {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let run = try scratch.run(["bench", "asha", "grid", "--db", "postgres://u:hunter2@h/d"])
        #expect(run.status == 1)
        #expect(run.output.contains("replays a grid run stored in an SQLite file"), "\(run.output)")
        #expect(!run.output.contains("hunter2"))
    }
}
