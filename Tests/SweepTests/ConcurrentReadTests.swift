import Foundation
import Testing

@testable import Sweep

@Suite struct ConcurrentReadTests {
    /// A second process-like store (its own pool, read-only) reads consistent snapshots while the
    /// writer plans and finishes trials.
    @Test func readerSeesConsistentSnapshotsDuringWrites() async throws {
        try await TemporaryFolder.withAsync { folder in
            let path = folder.path("sweeps.sqlite")
            let writer = try SQLiteTrialStore(path: path)
            let id = try writer.openSweep(name: "s", specText: "")
            let trials = (0..<60).map { StoreFixtures.trial($0, lr: Double($0 + 1)) }
            try writer.plan(sweepID: id, trials: trials)
            let reader = try SQLiteTrialStore(path: path, readOnly: true)

            let writing = Task.detached {
                for trial in trials {
                    try writer.markRunning(key: trial.key, pid: 9, at: Date())
                    try writer.finish(
                        key: trial.key,
                        outcome: StoreFixtures.completed(
                            StoreFixtures.metrics(apSmall: Double(trial.index) / 100)))
                }
            }
            var reads = 0
            var lastCompleted = 0
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let summary = try #require(try reader.sweeps().first)
                #expect(summary.total == 60)
                let completed = summary.count(.completed)
                #expect(completed >= lastCompleted, "snapshots never go back in time")
                #expect(summary.count(.running) <= 1)
                lastCompleted = completed
                reads += 1
                if completed == 60 { break }
                await Task.yield()
            }
            try await writing.value
            #expect(lastCompleted == 60)
            #expect(reads >= 1)
            #expect(try reader.ranking(sweep: "s").first?.trial.index == 59)
        }
    }
}
