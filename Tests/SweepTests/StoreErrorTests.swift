import Foundation
import GRDB
import Testing

@testable import Sweep

@Suite struct StoreErrorTests {
    @Test func textFileIsRejectedAndLeftUntouched() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("notes.sqlite")
            let content = Data("rank,trial\n1,2\nthis is not a database at all, just text\n".utf8)
            try content.write(to: URL(fileURLWithPath: path))
            for readOnly in [false, true] {
                #expect(throws: StoreError.notADatabase(path: path)) {
                    _ = try SQLiteTrialStore(path: path, readOnly: readOnly)
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
            let message = StoreError.notADatabase(path: path).description
            #expect(message.contains(path))
            #expect(message.contains("not an SQLite database"))
        }
    }

    @Test func emptyPathNamesTheOption() throws {
        for readOnly in [false, true] {
            #expect(throws: StoreError.emptyPath) {
                _ = try SQLiteTrialStore(path: "", readOnly: readOnly)
            }
        }
        #expect(StoreError.emptyPath.description.hasPrefix("--db '': the database path is empty"))
    }

    /// A FIFO would block SQLite's open forever, a device is no database: both are refused
    /// before SQLite sees them, and left as they are.
    @Test func devicesAndFIFOsAreRejected() throws {
        try TemporaryFolder.with { folder in
            let fifo = folder.path("pipe.sqlite")
            #expect(mkfifo(fifo, 0o600) == 0)
            for path in [fifo, "/dev/null"] {
                for readOnly in [false, true] {
                    #expect(throws: StoreError.notARegularFile(path: path)) {
                        _ = try SQLiteTrialStore(path: path, readOnly: readOnly)
                    }
                }
            }
            var info = stat()
            #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        }
    }

    @Test func aFileWhereTheFolderGoesIsNamed() throws {
        try TemporaryFolder.with { folder in
            let file = folder.path("plain")
            try "x".write(toFile: file, atomically: true, encoding: .utf8)
            let path = file + "/sweeps.sqlite"
            #expect(
                throws: StoreError.notWritable(
                    path: path, reason: "cannot create folder \(file): it is a file, not a folder")
            ) { _ = try SQLiteTrialStore(path: path) }
        }
    }

    @Test func directoryIsRejected() throws {
        try TemporaryFolder.with { folder in
            #expect(throws: StoreError.isDirectory(path: folder.url.path)) {
                _ = try SQLiteTrialStore(path: folder.url.path)
            }
        }
    }

    @Test func readerNeedsAnExistingSweepDatabase() throws {
        try TemporaryFolder.with { folder in
            let missing = folder.path("missing.sqlite")
            #expect(throws: StoreError.missingDatabase(path: missing)) {
                _ = try SQLiteTrialStore(path: missing, readOnly: true)
            }
            #expect(!FileManager.default.fileExists(atPath: missing))

            let foreign = folder.path("foreign.sqlite")
            let queue = try DatabaseQueue(path: foreign)
            try queue.write { try $0.execute(sql: "CREATE TABLE other (x INTEGER)") }
            #expect(throws: StoreError.notASweepDatabase(path: foreign)) {
                _ = try SQLiteTrialStore(path: foreign, readOnly: true)
            }
        }
    }

    @Test func unknownSweepListsTheKnownNames() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            _ = try store.openSweep(name: "alpha", specText: "")
            _ = try store.openSweep(name: "beta", specText: "")
            let expected = StoreError.unknownSweep(
                name: "gamma", known: ["alpha", "beta"], path: path)
            #expect(throws: expected) { _ = try store.trials(sweep: "gamma") }
            #expect(expected.description.contains("known sweeps: 'alpha', 'beta'"))
            #expect(throws: StoreError.unknownTrial(key: "nope", path: path)) {
                try store.markRunning(key: "nope", pid: 1, at: Date())
            }
        }
    }

    @Test func writingThroughAReadOnlyStoreIsAClearError() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            _ = try SQLiteTrialStore(path: path).openSweep(name: "s", specText: "")
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            #expect {
                _ = try reader.openSweep(name: "t", specText: "")
            } throws: { error in
                guard case .notWritable(let errorPath, _) = error as? StoreError else {
                    return false
                }
                return errorPath == path
            }
        }
    }

    @Test func fullDatabaseIsReportedAsDiskFull() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            let id = try store.openSweep(name: "s", specText: "")
            try store.plan(sweepID: id, trials: [StoreFixtures.trial(0)])
            // Cap the database at its current size: the next growth fails with SQLITE_FULL,
            // exactly as a full disk does.
            try store.pool.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
            let many = (1..<400).map { StoreFixtures.trial($0, lr: Double($0)) }
            #expect(throws: StoreError.diskFull(path: path)) {
                try store.plan(sweepID: id, trials: many)
            }
            #expect(try store.queuedTrials(sweepID: id).count == 1, "the failed plan rolls back")
        }
    }
}

extension StoreErrorTests {
    @Test func parentThatIsAFileIsNotWritable() throws {
        try TemporaryFolder.with { folder in
            let file = folder.path("plain.txt")
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
            let path = file + "/sweeps.sqlite"
            #expect {
                _ = try SQLiteTrialStore(path: path)
            } throws: { error in
                guard case .notWritable(let errorPath, let reason) = error as? StoreError else {
                    return false
                }
                return errorPath == path && reason.contains("cannot create folder")
            }
        }
    }
}
