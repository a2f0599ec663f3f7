import Foundation
import Testing

@testable import Sweep

@Suite struct TrialStateTests {
    @Test func finalStatesAreNotRunAgain() {
        #expect(TrialState.completed.isFinal)
        #expect(TrialState.pruned.isFinal)
        #expect(!TrialState.queued.isFinal)
        #expect(!TrialState.interrupted.isFinal)
    }

    /// The state names live in ``TrialState`` alone: no SQL in the sources spells one as a
    /// literal (`'queued'`), so renaming a state cannot leave a query behind.
    @Test func noSourceSpellsAStateInSQL() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Sweep")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(
                contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for state in TrialState.allCases {
                #expect(!text.contains("'\(state.rawValue)'"), "\(file) spells '\(state.rawValue)'")
            }
        }
    }

    /// The stored states round-trip through the store with the raw values.
    @Test func storedStatesAreTheRawValues() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            let id = try store.openSweep(name: "s", specText: "")
            let trials = (0..<2).map { StoreFixtures.trial($0, lr: Double($0 + 1) / 10) }
            try store.plan(sweepID: id, trials: trials)
            #expect(try store.queuedTrials(sweepID: id).map(\.key) == trials.map(\.key))
            try store.markRunning(key: trials[0].key, pid: 7, at: Date())
            try store.requeue(key: trials[1].key, error: "retry")
            #expect(try store.trials(sweep: "s").map(\.state) == [.running, .queued])
            #expect(try store.requeueUnfinished(sweepID: id) == [7])
            #expect(try store.trials(sweep: "s").map(\.state) == [.queued, .queued])
        }
    }
}
