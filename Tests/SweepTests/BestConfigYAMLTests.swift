import Testing
import Trainer
import Yams

@testable import Sweep

@Suite struct BestConfigYAMLTests {
    @Test(arguments: [
        DataSource.synthetic(
            SyntheticDatasetOptions(imageSize: 64, trainImages: 100, valImages: 20, seed: 9)),
        DataSource.yolo(path: "datasets/visdrone/data.yaml", skipCorrupt: true),
    ])
    func bestConfigRoundTripsThroughYAMLDecoder(data: DataSource) throws {
        var record = StoreFixtures.record(4, apSmall: 0.42)
        record.config.training = TrainingConfig(
            lr: 0.00123456789, weightDecay: 1e-5, batchSize: 24, loss: .ce, epochs: 7,
            seed: 18_446_744_073_709_551_615, momentum: 0.937, warmupEpochs: 0.5,
            focalAlpha: 0.3, focalGamma: 1.5, data: data)
        let best = try #require(Ranking.rank([record]).first)
        let yaml = try BestConfigYAML.render(best, sweep: "lr-sweep")
        for key in [
            "lr:", "weight_decay:", "batch_size:", "loss: ce", "epochs:", "seed:",
            "momentum:", "warmup_epochs:", "focal_alpha:", "focal_gamma:", "data:",
        ] {
            #expect(yaml.contains("\n" + key), "missing \(key) in\n\(yaml)")
        }
        #expect(yaml.hasPrefix("# Best trial of sweep 'lr-sweep': trial 4"))
        let decoded = try YAMLDecoder().decode(TrainingConfig.self, from: yaml)
        #expect(decoded == record.config.training)
    }
}
