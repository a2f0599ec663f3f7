import Foundation
import Testing

@testable import Trainer

@Suite struct TrainingConfigTests {
    @Test func decodesSnakeCaseAndFillsDefaults() throws {
        let json = #"{"lr": 0.02, "batch_size": 16, "loss": "ce"}"#
        let config = try JSONDecoder().decode(TrainingConfig.self, from: Data(json.utf8))
        #expect(config.lr == 0.02)
        #expect(config.batchSize == 16)
        #expect(config.loss == .ce)
        #expect(config.weightDecay == TrainingConfig().weightDecay)
    }

    @Test func roundTripsThroughJSON() throws {
        let config = TrainingConfig(lr: 0.003, loss: .mse, epochs: 2, seed: 9)
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(TrainingConfig.self, from: data) == config)
    }
}

@Suite struct DataSourceCodingTests {
    @Test func decodesTheSweepFileSpelling() throws {
        let yolo = #"{"yolo": "d/data.yaml", "skip_corrupt": true}"#
        #expect(
            try JSONDecoder().decode(DataSource.self, from: Data(yolo.utf8))
                == .yolo(path: "d/data.yaml", skipCorrupt: true))
        let synthetic =
            #"{"synthetic": {"image_size": 64, "train_images": 8, "val_images": 4, "seed": 3}}"#
        #expect(
            try JSONDecoder().decode(DataSource.self, from: Data(synthetic.utf8))
                == .synthetic(
                    SyntheticDatasetOptions(imageSize: 64, trainImages: 8, valImages: 4, seed: 3)))
    }

    @Test func rejectsAnEmptySource() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DataSource.self, from: Data("{}".utf8))
        }
    }
}
