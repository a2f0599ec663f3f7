import Foundation
import Synchronization
import Testing
import Trainer

@testable import Sweep

/// What agents on many machines rely on, on every store: atomic claims, leases and fencing,
/// idempotent planning under races.
@Suite struct TrialStoreClaimContractTests {
    typealias Kind = TrialStoreContractTests.Kind
    private let contract = TrialStoreContractTests()
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func planned(_ store: any TrialStore, count: Int) throws -> (Int64, [TrialConfig]) {
        let id = try store.openSweep(name: "s", specText: "")
        let trials = (0..<count).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
        try store.plan(sweepID: id, trials: trials)
        return (id, trials)
    }

    @Test(arguments: Kind.allCases)
    func claimsTakeQueuedTrialsInPlanOrderOnce(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let store = try open()
            let (id, trials) = try planned(store, count: 2)
            let first = try store.claim(sweepID: id, owner: "a", at: start)
            let second = try store.claim(sweepID: id, owner: "b", at: start)
            #expect(first?.key == trials[0].key)
            #expect(second?.key == trials[1].key)
            #expect(first?.attempt == 1)
            #expect(try store.claim(sweepID: id, owner: "a", at: start) == nil)
            #expect(try store.pendingCounts(sweepID: id) == PendingCounts(queued: 0, running: 2))
        }
    }

    @Test(arguments: Kind.allCases)
    func aRequeuedAttemptsWritesAreRefusedAndTheNewOnesKept(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let store = try open()
            let (id, trials) = try planned(store, count: 1)
            let key = trials[0].key
            let old = try #require(try store.claim(sweepID: id, owner: "a", at: start))
            #expect(try store.requeueExpired(sweepID: id, before: start) == [])
            #expect(try store.requeueExpired(sweepID: id, before: start + 61) == [key])
            let new = try #require(try store.claim(sweepID: id, owner: "b", at: start + 62))
            #expect(new.attempt == old.attempt + 1)
            let report = EpochReport(
                epoch: 1, loss: 0.5, metrics: StoreFixtures.metrics(apSmall: 0.1), seconds: 1)
            let outcome = StoreFixtures.completed(StoreFixtures.metrics(apSmall: 0.2))
            let stale = StoreError.staleAttempt(key: key, attempt: old.attempt, path: "")
            for write in [
                { try store.recordEpoch(key: key, attempt: old.attempt, report: report) },
                { try store.heartbeat(key: key, attempt: old.attempt, pid: 7, at: start + 63) },
                { try store.finish(key: key, attempt: old.attempt, outcome: outcome) },
                { try store.requeue(key: key, attempt: old.attempt, error: "late") },
            ] {
                let error = #expect(throws: StoreError.self) { try write() }
                #expect(Self.sameCase(error, stale))
            }
            try store.recordEpoch(key: key, attempt: new.attempt, report: report)
            try store.finish(key: key, attempt: new.attempt, outcome: outcome)
            #expect(throws: StoreError.self) {
                try store.finish(key: key, attempt: new.attempt, outcome: outcome)
            }
            #expect(try store.pendingCounts(sweepID: id) == PendingCounts(queued: 0, running: 0))
        }
    }

    @Test(arguments: Kind.allCases)
    func heartbeatsKeepTheLeaseAndRunsTrialsNeverExpire(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let store = try open()
            let (id, trials) = try planned(store, count: 3)
            let claimed = try #require(try store.claim(sweepID: id, owner: "a", at: start))
            try store.heartbeat(key: claimed.key, attempt: claimed.attempt, pid: 42, at: start + 50)
            try store.markRunning(key: trials[1].key, pid: 43, at: start)
            #expect(try store.requeueExpired(sweepID: id, before: start + 40) == [])
            try store.requeue(key: claimed.key, attempt: claimed.attempt, error: "crash")
            #expect(try store.requeueExpired(sweepID: id, before: start + 1000) == [])
            #expect(
                try store.queuedTrials(sweepID: id).map(\.key) == [trials[0].key, trials[2].key])
            #expect(try store.claim(sweepID: id, owner: "a", at: start)?.attempt == 2)
        }
    }

    /// Eight agents claiming at once from one store: every trial is claimed exactly once.
    @Test(arguments: Kind.allCases)
    func concurrentClaimsTakeEveryTrialOnce(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let (id, trials) = try planned(try open(), count: 24)
            let agents = try (0..<8).map { _ in try open() }
            let claimed = Mutex<[String]>([])
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: agents.count) { agent in
                do {
                    while let trial = try agents[agent].claim(
                        sweepID: id, owner: "agent-\(agent)", at: start)
                    {
                        claimed.withLock { $0.append(trial.key) }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(claimed.withLock { $0.sorted() } == trials.map(\.key).sorted())
        }
    }

    /// Ten agents planning the same sweep at once plan each trial once, numbered once.
    @Test(arguments: Kind.allCases)
    func concurrentPlanningPlansEachTrialOnce(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let agents = try (0..<10).map { _ in try open() }
            let trials = (0..<12).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: agents.count) { agent in
                do {
                    let id = try agents[agent].openSweep(name: "s", specText: "")
                    try agents[agent].plan(sweepID: id, trials: trials)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let id = try agents[0].openSweep(name: "s", specText: "")
            #expect(try agents[0].queuedTrials(sweepID: id) == trials)
        }
    }

    /// Ten agents each planning a different proposal for a sweep limited to 4 trials, 2 already
    /// stored: exactly 2 more are stored, numbered after the first ones.
    @Test(arguments: Kind.allCases)
    func concurrentPlanningStaysWithinTheLimit(kind: Kind) throws {
        try contract.withStores(kind) { open in
            let (id, _) = try planned(try open(), count: 2)
            let agents = try (0..<10).map { _ in try open() }
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: agents.count) { agent in
                do {
                    let proposal = StoreFixtures.trial(2, lr: Double(100 + agent))
                    try agents[agent].plan(sweepID: id, trials: [proposal], limit: 4)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let stored = try agents[0].queuedTrials(sweepID: id)
            #expect(stored.count == 4)
            #expect(stored.map(\.index) == [0, 1, 2, 3])
            let more = StoreFixtures.trial(4, lr: 1000)
            try agents[0].plan(sweepID: id, trials: [more], limit: 4)
            #expect(try agents[0].queuedTrials(sweepID: id).count == 4)
        }
    }

    private static func sameCase(_ error: StoreError?, _ expected: StoreError) -> Bool {
        guard case .staleAttempt(let key, let attempt, _) = error,
            case .staleAttempt(let expectedKey, let expectedAttempt, _) = expected
        else { return false }
        return key == expectedKey && attempt == expectedAttempt
    }
}
