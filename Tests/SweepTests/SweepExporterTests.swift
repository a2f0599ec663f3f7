import Foundation
import Testing
import Trainer
import Yams

@testable import Sweep

@Suite struct SweepExporterTests {
    @Test func writesCSVAndBestConfigFromTheDatabase() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            let id = try store.openSweep(name: "s", specText: "")
            let trials = (0..<3).map { StoreFixtures.trial($0, lr: Double($0 + 1) / 100) }
            try store.plan(sweepID: id, trials: trials)
            for (trial, apSmall) in zip(trials, [0.1, 0.3, 0.2]) {
                try store.markRunning(key: trial.key, pid: 1, at: Date())
                try store.finish(
                    key: trial.key,
                    outcome: StoreFixtures.completed(StoreFixtures.metrics(apSmall: apSmall)))
            }
            let reader = try SQLiteTrialStore(path: path, readOnly: true)
            let csvPath = folder.path("out/best.csv")
            let yamlPath = folder.path("out/best.yaml")
            let messages = try SweepExporter.export(
                from: reader, sweep: "s", csvPath: csvPath, limit: 2, bestConfigPath: yamlPath)
            #expect(messages.count == 2)
            let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
            let records = try #require(RFC4180Reader.parse(csv))
            #expect(records.dropFirst().map { $0[1] } == ["1", "2"])
            let yaml = try String(contentsOfFile: yamlPath, encoding: .utf8)
            #expect(try YAMLDecoder().decode(TrainingConfig.self, from: yaml) == trials[1].training)
        }
    }

    @Test func bestConfigOfAnUnrankedSweepIsAnError() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            _ = try store.openSweep(name: "empty", specText: "")
            #expect(throws: ExportError.noRankedTrials(sweep: "empty")) {
                _ = try SweepExporter.export(
                    from: store, sweep: "empty", csvPath: nil,
                    bestConfigPath: folder.path("best.yaml"))
            }
        }
    }

    /// Every way of naming the database or one of its files as an output is refused before
    /// anything is written, and the database stays intact.
    @Test func outputsOntoTheDatabaseAreRefused() throws {
        try TemporaryFolder.with { folder in
            let path = folder.path("sweeps.sqlite")
            let store = try SQLiteTrialStore(path: path)
            _ = try store.openSweep(name: "s", specText: "")
            try FileManager.default.createSymbolicLink(
                atPath: folder.path("link.csv"), withDestinationPath: path)
            try FileManager.default.linkItem(atPath: path, toPath: folder.path("hard.csv"))
            try FileManager.default.createDirectory(
                atPath: folder.path("sub"), withIntermediateDirectories: true)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let outputs = [
                path, path + "-wal", path + "-shm", path + ".lock", folder.path("link.csv"),
                folder.path("hard.csv"), folder.path("sub/../sweeps.sqlite"),
            ]
            for output in outputs {
                for asCSV in [true, false] {
                    #expect(throws: ExportError.self) {
                        _ = try SweepExporter.export(
                            from: store, sweep: "s", csvPath: asCSV ? output : nil,
                            bestConfigPath: asCSV ? nil : output)
                    }
                }
            }
            let error = #expect(throws: ExportError.self) {
                _ = try SweepExporter.export(
                    from: store, sweep: "s", csvPath: path, bestConfigPath: nil)
            }
            #expect(error == .overwritesDatabase(path: path, option: "--out", file: path))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(try store.sweepNames() == ["s"])
        }
    }

    @Test func bothOutputsOnOneFileAreRefused() throws {
        try TemporaryFolder.with { folder in
            let store = try SQLiteTrialStore(path: folder.path("sweeps.sqlite"))
            _ = try store.openSweep(name: "s", specText: "")
            let csv = folder.path("out.csv")
            try "keep".write(toFile: csv, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: folder.path("alias.yaml"), withDestinationPath: csv)
            for best in [csv, folder.path("alias.yaml"), folder.path("./out.csv")] {
                #expect(
                    throws: ExportError.sameOutput(
                        path: best, option: "--best-config", otherOption: "--out")
                ) {
                    _ = try SweepExporter.export(
                        from: store, sweep: "s", csvPath: csv, bestConfigPath: best)
                }
            }
            let fresh = folder.path("new/both.csv")
            #expect(
                throws: ExportError.sameOutput(
                    path: fresh, option: "--best-config", otherOption: "--out")
            ) {
                _ = try SweepExporter.export(
                    from: store, sweep: "s", csvPath: fresh, bestConfigPath: fresh)
            }
            #expect(try String(contentsOfFile: csv, encoding: .utf8) == "keep")
        }
    }
}
