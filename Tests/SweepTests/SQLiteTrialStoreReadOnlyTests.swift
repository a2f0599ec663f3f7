import Foundation
import Testing

@testable import Sweep

/// A closed database is one self-contained file readers can open anywhere, and readers never
/// write: no byte of the database changes and no companion file appears.
@Suite struct SQLiteTrialStoreReadOnlyTests {
    /// A database with sweep `s` and three planned trials, closed.
    private func closedDatabase(_ folder: TemporaryFolder) throws -> String {
        let path = folder.path("sweeps.sqlite")
        let store = try SQLiteTrialStore(path: path)
        let id = try store.openSweep(name: "s", specText: "")
        try store.plan(sweepID: id, trials: (0..<3).map { StoreFixtures.trial($0) })
        try store.close()
        return path
    }

    private func listing(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    }

    @Test func closingLeavesOneFileInRollbackJournalMode() throws {
        try TemporaryFolder.with { folder in
            let path = try closedDatabase(folder)
            #expect(try listing(folder) == ["sweeps.sqlite"])
            // Header bytes 18 and 19: 1 = rollback journal, 2 = WAL.
            let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20)
            #expect(Array(header.suffix(2)) == [1, 1])
        }
    }

    @Test func readersWriteNothing() throws {
        try TemporaryFolder.with { folder in
            let path = try closedDatabase(folder)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let modified =
                try FileManager.default.attributesOfItem(atPath: path)[.modificationDate]
                as? Date
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect(try reader.sweepNames() == ["s"])
            #expect(try reader.trials(sweep: "s").count == 3)
            #expect(try reader.status(sweep: "s").markingStale(databasePath: path).running == [])
            #expect(try reader.sweeps().count == 1)
            #expect(try listing(folder) == ["sweeps.sqlite"])
            try reader.close()
            #expect(try listing(folder) == ["sweeps.sqlite"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(
                try FileManager.default.attributesOfItem(atPath: path)[.modificationDate]
                    as? Date == modified)
        }
    }

    /// While a writer has the database open (WAL mode), readers see what it committed.
    @Test func readersWorkWhileAWriterHasItOpen() throws {
        try TemporaryFolder.with { folder in
            let path = try closedDatabase(folder)
            let writer = try SQLiteTrialStore(path: path)
            let id = try writer.openSweep(name: "t", specText: "")
            try writer.plan(sweepID: id, trials: [StoreFixtures.trial(0, sweep: "t")])
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect(try reader.sweepNames() == ["s", "t"])
            try reader.close()
            try writer.close()
            #expect(try listing(folder) == ["sweeps.sqlite"])
        }
    }

    /// A reader still open when the writer closes (a `status` at the end of a run) does not make
    /// the close fail; the file alone still holds everything.
    @Test func closingWithAReaderOpenSucceeds() throws {
        try TemporaryFolder.with { folder in
            let path = try closedDatabase(folder)
            let writer = try SQLiteTrialStore(path: path)
            let id = try writer.openSweep(name: "t", specText: "")
            try writer.plan(sweepID: id, trials: [StoreFixtures.trial(0, sweep: "t")])
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect(try reader.sweepNames() == ["s", "t"])
            try writer.close()
            #expect(try reader.trials(sweep: "t").count == 1)
            try reader.close()
            let copy = folder.path("copy.sqlite")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            #expect(try SQLiteTrialStore(path: copy, readOnly: true).sweepNames() == ["s", "t"])
        }
    }

    /// A database written before `reported_metrics` existed reads as it is: readers never
    /// migrate, and its trials keep their metrics.
    @Test func aDatabaseWithoutReportedMetricsReads() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            let id = try store.openSweep(name: "s", specText: "")
            let trial = StoreFixtures.trial(0)
            try store.plan(sweepID: id, trials: [trial])
            try store.markRunning(key: trial.key, pid: 1, at: Date())
            try store.finish(
                key: trial.key,
                outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.4)))
            try store.pool.write { db in
                for table in ["epoch_metric", "final_metric"] {
                    try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN reported_metrics")
                }
                try db.execute(
                    sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%'")
            }
            try store.close()
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect(try reader.trials(sweep: "s").map { $0.metrics?.apSmall } == [0.4])
            try reader.close()
            let writer = try SQLiteTrialStore(path: path)
            #expect(try writer.trials(sweep: "s").map { $0.metrics?.apSmall } == [0.4])
            try writer.close()
        }
    }
}
