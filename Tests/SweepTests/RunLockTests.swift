import Testing

@testable import Sweep

/// One `run` per database at a time.
@Suite struct RunLockTests {
    @Test func aSecondRunOnTheSameDatabaseIsRefusedUntilTheFirstEnds() throws {
        try TemporaryFolder.with { folder in
            let db = folder.path("sweeps.sqlite")
            var first: RunLock? = try RunLock(databasePath: db)
            #expect(first?.path == db + ".lock")
            #expect(throws: SchedulerError.databaseInUse(path: db)) {
                try RunLock(databasePath: db)
            }
            first = nil
            _ = try RunLock(databasePath: db)
            #expect(first == nil)
        }
    }
}
