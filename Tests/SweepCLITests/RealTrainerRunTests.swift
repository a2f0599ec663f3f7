import Foundation
import Sweep
import Testing

/// `sweep-cli run` with its real worker (`sweep-cli worker`, the embedded trainer) on a tiny
/// synthetic sweep: every trial stored with metrics, `export` ranked correctly.
@Suite struct RealTrainerRunTests {
    @Test func aTinyRealSweepIsStoredAndExportedRanked() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweepFile = folder.appendingPathComponent("real.yaml").path
        try """
        name: real
        method: grid
        seed: 5
        parameters:
          lr: {values: [0.003, 0.03]}
          loss: {values: [ce, focal]}
        trainer:
          epochs: 1
          batch_size: 8
          data:
            synthetic: {image_size: 32, train_images: 16, val_images: 8, seed: 11}
        trial_timeout: 5m
        max_retries: 0

        """.write(toFile: sweepFile, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("sweeps.sqlite").path
        let log = folder.path + "/run.log"

        let status = try CLIRun.run(["run", sweepFile, "--db", db, "--jobs", "2"], log: log)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(status == 0, "run: \(output)")

        let trials = try #require(CLIRun.trials(db: db, sweep: "real"))
        #expect(trials.count == 4)
        let store = try SQLiteTrialStore(path: db, readOnly: true)
        for trial in trials {
            #expect(trial.state == .completed || trial.state == .diverged, "\(trial.error ?? "")")
            #expect(try store.epochReports(key: trial.key).count == 1)
            if trial.state == .completed {
                #expect(trial.metricsSource == .final)
                #expect(trial.metrics != nil)
            }
        }

        let csv = folder.appendingPathComponent("ranking.csv").path
        #expect(
            try CLIRun.run(["export", "real", "--db", db, "--out", csv], log: log) == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8)
            .split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
        let header = try #require(rows.first).map(String.init)
        let trialColumn = try #require(header.firstIndex(of: "trial"))
        let exported = rows.dropFirst().map { Int($0[trialColumn])! }
        let expected = Ranking.rank(trials).map(\.trial.index)
        #expect(!exported.isEmpty, "no trial completed: \(output)")
        #expect(exported == expected)
        #expect(exported.count == trials.filter { $0.state == .completed }.count)
        let ranked = trials.filter { $0.state == .completed }.sorted {
            Ranking.precedes(
                RankKey(metrics: $0.metrics!, index: $0.index),
                RankKey(metrics: $1.metrics!, index: $1.index))
        }
        #expect(exported == ranked.map(\.index))
    }
}
