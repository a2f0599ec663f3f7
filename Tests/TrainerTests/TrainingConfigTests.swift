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
