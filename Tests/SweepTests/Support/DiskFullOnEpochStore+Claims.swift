import Foundation
import Trainer

@testable import Sweep

/// The claim methods of the scheduler's disk-full test double, forwarded to its SQLite store.
extension DiskFullOnEpochStore {
    func claim(sweepID: Int64, owner: String, at: Date) throws -> ClaimedTrial? {
        try inner.claim(sweepID: sweepID, owner: owner, at: at)
    }
    func heartbeat(key: String, attempt: Int, pid: Int32?, at: Date) throws {
        try inner.heartbeat(key: key, attempt: attempt, pid: pid, at: at)
    }
    func requeueExpired(sweepID: Int64, before: Date) throws -> [String] {
        try inner.requeueExpired(sweepID: sweepID, before: before)
    }
    func recordEpoch(key: String, attempt: Int, report: EpochReport) throws {
        throw StoreError.diskFull(path: inner.path)
    }
    func finish(key: String, attempt: Int, outcome: TrialOutcome) throws {
        try inner.finish(key: key, attempt: attempt, outcome: outcome)
    }
    func requeue(key: String, attempt: Int, error: String) throws {
        try inner.requeue(key: key, attempt: attempt, error: error)
    }
    func pendingCounts(sweepID: Int64) throws -> PendingCounts {
        try inner.pendingCounts(sweepID: sweepID)
    }
}
