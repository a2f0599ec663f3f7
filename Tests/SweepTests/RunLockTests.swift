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
            let second = try RunLock(databasePath: db)
            withExtendedLifetime(second) {
                #expect(second.path == db + ".lock")
                #expect(throws: SchedulerError.databaseInUse(path: db)) {
                    try RunLock(databasePath: db)
                }
            }
        }
    }

    /// Each run leaves its id in the lock file for the next one to find its leftover workers.
    @Test func theNextRunReadsThePreviousRunsID() throws {
        try TemporaryFolder.with { folder in
            let db = folder.path("sweeps.sqlite")
            var first: RunLock? = try RunLock(databasePath: db)
            let firstID = try #require(first?.runID)
            #expect(first?.previousRunID == nil)
            first = nil
            let second = try RunLock(databasePath: db)
            #expect(second.previousRunID == firstID)
            #expect(second.runID != firstID && !second.runID.isEmpty)
        }
    }
}
