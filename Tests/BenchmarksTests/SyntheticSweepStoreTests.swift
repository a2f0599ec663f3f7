import Foundation
import Sweep
import Testing

@testable import Benchmarks

@Suite struct SyntheticSweepStoreTests {
    @Test func writesFinishedTrialsWhoseReportRenders() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("synthetic-sweep-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/s.sqlite"
        try SyntheticSweepStore.write(path: path, name: "g", trials: 60)
        let store = try SQLiteTrialStore(path: path, readOnly: true)
        let trials = try store.trials(sweep: "g")
        #expect(trials.count == 60)
        #expect(trials.allSatisfy { $0.state.isFinal && $0.startedAt != nil })
        #expect(Set(trials.map(\.state)).isSuperset(of: [.completed, .pruned]))
        let input = try ReportInput.load(from: store, sweep: "g")
        let report = SweepReport(input)
        #expect(report.importance?.first?.parameter == "lr")
        #expect(input.epochs.values.allSatisfy { !$0.isEmpty })
    }
}
