import Foundation
import GRDB
import Testing

@testable import Sweep

/// `status` tells trials a dead run left `running` from trials that really run.
@Suite struct StaleTrialsTests {
    /// The pid of a process that has ended.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A database with three running trials: worker `dead`, this test process, and no pid.
    private func store(_ folder: TemporaryFolder, dead: Int32) throws -> SQLiteTrialStore {
        let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
        let id = try store.openSweep(name: "s", specText: "")
        let trials = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1) / 10) }
        try store.plan(sweepID: id, trials: trials)
        try store.markRunning(key: trials[0].key, pid: dead, at: Date())
        try store.markRunning(key: trials[1].key, pid: getpid(), at: Date())
        try store.markRunning(key: trials[2].key, pid: 0, at: Date())
        try store.close()
        let queue = try DatabaseQueue(path: folder.path("sweeps.sqlite"))
        try queue.write {
            try $0.execute(sql: "UPDATE trial SET worker_pid = NULL WHERE plan_index = 2")
        }
        try queue.close()
        return try SQLiteTrialStore(path: folder.path("sweeps.sqlite"), readOnly: true)
    }

    @Test func withoutARunGoneWorkersAreStale() throws {
        try TemporaryFolder.with { folder in
            let dead = try deadPID()
            let reader = try store(folder, dead: dead)
            let status = try reader.status(sweep: "s")
                .markingStale(databasePath: reader.path)
            let stale = status.running.filter(status.isStale).map(\.index)
            #expect(stale == [0, 2])
            #expect(!FileManager.default.fileExists(atPath: reader.path + ".lock"))

            let text = SweepStatusReport.render(status, now: Date())
            #expect(text.contains("running 1, stale 2"))
            #expect(text.contains("running (stale: pid \(dead) is gone)"))
            #expect(text.contains("running (stale: no worker pid stored)"))
            #expect(text.contains("the next `sweep-cli run` queues them again"))
        }
    }

    @Test func whileARunHoldsTheLockNothingIsStale() throws {
        try TemporaryFolder.with { folder in
            let reader = try store(folder, dead: try deadPID())
            let lock = try RunLock(databasePath: reader.path)
            #expect(RunLock.isHeld(databasePath: reader.path))
            let status = try reader.status(sweep: "s").markingStale(databasePath: reader.path)
            #expect(status.staleKeys.isEmpty)
            #expect(SweepStatusReport.render(status, now: Date()).contains("running 3\n"))
            withExtendedLifetime(lock) {}
        }
    }

    /// The reader's check leaves the lock free for the next run.
    @Test func checkingTheLockLeavesItFree() throws {
        try TemporaryFolder.with { folder in
            let db = folder.path("sweeps.sqlite")
            _ = try RunLock(databasePath: db)
            #expect(!RunLock.isHeld(databasePath: db))
            _ = try RunLock(databasePath: db)
        }
    }
}
