import Foundation
import Synchronization
import Testing

@testable import Sweep

@Suite struct ConcurrentReadTests {
    static let trialCount = 24

    /// A second process-like store (its own pool, read-only) reads consistent snapshots while the
    /// writer plans and finishes trials. The writer waits after each finished trial until the
    /// reader has seen it, so the reader sees every intermediate count however the machine is
    /// loaded.
    @Test func readerSeesConsistentSnapshotsDuringWrites() async throws {
        try await TemporaryFolder.withAsync { folder in
            let path = folder.path("sweeps.sqlite")
            let writer = try SQLiteTrialStore(path: path)
            let id = try writer.openSweep(name: "s", specText: "")
            let trials = (0..<Self.trialCount).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try writer.plan(sweepID: id, trials: trials)
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            let seenByReader = SeenCount()

            let writing = Task.detached {
                for (done, trial) in trials.enumerated() {
                    try writer.markRunning(key: trial.key, pid: 9, at: Date())
                    try writer.finish(
                        key: trial.key,
                        outcome: StoreFixtures.completed(
                            StoreFixtures.metrics(apSmall: Double(trial.index) / 100)))
                    while seenByReader.value <= done {
                        try await Task.sleep(for: .milliseconds(1))
                    }
                }
            }
            var seen: Set<Int> = []
            var lastCompleted = 0
            // Only a guard against a hang: each step waits for the other side, never for time.
            let deadline = Date().addingTimeInterval(600)
            while Date() < deadline {
                let summary = try #require(try reader.sweeps().first)
                #expect(summary.total == Self.trialCount)
                let completed = summary.count(.completed)
                #expect(completed >= lastCompleted, "snapshots never go back in time")
                #expect(summary.count(.running) <= 1)
                lastCompleted = completed
                seen.insert(completed)
                seenByReader.value = completed
                if completed == Self.trialCount { break }
                await Task.yield()
            }
            if lastCompleted != Self.trialCount { writing.cancel() }
            try await writing.value
            #expect(lastCompleted == Self.trialCount)
            #expect(
                seen.isSuperset(of: 1...Self.trialCount),
                "the reader saw every finished trial arrive")
            #expect(try reader.ranking(sweep: "s").first?.trial.index == Self.trialCount - 1)
        }
    }
}

/// The finished-trial count the reader last saw, shared with the writer.
private final class SeenCount: Sendable {
    private let count = Mutex(0)

    var value: Int {
        get { count.withLock { $0 } }
        set { count.withLock { $0 = newValue } }
    }
}
