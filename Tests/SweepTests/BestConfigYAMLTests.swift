import Foundation
import Testing
import Trainer
import Yams

@testable import Sweep

@Suite struct BestConfigYAMLTests {
    /// A real `data.yaml` for the YOLO case: the reader checks that the dataset file exists.
    private static let yoloFile: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("best-config-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("data.yaml").path
        try? "names: [a]\n".write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }()

    @Test(arguments: [
        DataSource.synthetic(
            SyntheticDatasetOptions(imageSize: 64, trainImages: 100, valImages: 20, seed: 9)),
        DataSource.yolo(path: yoloFile, skipCorrupt: true),
    ])
    func bestConfigReadsBackThroughTheTrainingConfigReader(data: DataSource) throws {
        var record = StoreFixtures.record(4, apSmall: 0.42)
        record.config.training = TrainingConfig(
            lr: 0.00123456789, weightDecay: 1e-5, batchSize: 24, loss: .ce, epochs: 7,
            seed: 18_446_744_073_709_551_615, momentum: 0.937, warmupEpochs: 0.5,
            focalAlpha: 0.3, focalGamma: 1.5, divergeFactor: 25, data: data)
        let best = try #require(Ranking.rank([record]).first)
        let yaml = try BestConfigYAML.render(best, sweep: "lr-sweep")
        for key in [
            "lr:", "weight_decay:", "batch_size:", "loss: ce", "epochs:", "seed:",
            "momentum:", "warmup_epochs:", "focal_alpha:", "focal_gamma:", "diverge_factor:",
            "data:",
        ] {
            #expect(yaml.contains("\n" + key), "missing \(key) in\n\(yaml)")
        }
        #expect(yaml.hasPrefix("# Best trial of sweep 'lr-sweep': trial 4"))
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("best-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try TrainingConfigReader.load(path: file) == record.config.training)
    }

    /// A command trainer given lr, weight decay, batch size and loss (as
    /// `examples/pytorch/sweep.yaml`) gets what its program was given, not an embedded
    /// trainer's config.
    @Test func aCommandGivenTheSearchedBuiltInsGetsItsProgramsValues() throws {
        let best = try #require(Ranking.rank([StoreFixtures.record(1, apSmall: 0.4)]).first)
        let yaml = try BestConfigYAML.render(
            best, sweep: "cmd", programReceived: [.lr, .weightDecay, .batchSize, .loss])
        #expect(yaml.contains("# The values the sweep's command passed to the program"))
        #expect(!yaml.contains("sweep-cli train"))
        #expect(!yaml.contains("momentum"), "the program was never given a momentum")
        #expect(
            yaml.hasSuffix(
                "batch_size: 16\nepochs: 3\nloss: focal\nlr: 0.01\nseed: 1\nweight_decay: 0.0005\n"),
            "\(yaml)")
    }
}
