import Testing

@testable import Trainer

@Suite(.serialized) struct RemediesTrainingTests {
    private static let split = SyntheticDataset.generate(
        SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4, seed: 3))

    private func config(attention: AttentionKind, seed: UInt64 = 2) -> TrainingConfig {
        TrainingConfig(
            lr: 0.02, batchSize: 4, loss: .focal, epochs: 1, seed: seed, warmupEpochs: 0.5,
            attention: attention, mosaic: 0.5, scale: 0.3, translate: 0.1, hsvH: 0.015,
            hsvS: 0.7, hsvV: 0.4, copyPaste: 0.5,
            data: .synthetic(SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4)))
    }

    @Test(arguments: AttentionKind.allCases)
    func everyRemedyTrainsReproducibly(attention: AttentionKind) throws {
        BLAS.setThreads(1)
        let first = try TrainingLoop.run(config(attention: attention), on: Self.split)
        let second = try TrainingLoop.run(config(attention: attention), on: Self.split)
        #expect(first.status == .completed && first.epochs == 1)
        #expect(first.metrics != nil && first.metrics == second.metrics)
    }

    /// The standard architecture reaches stride 4 at its second stage: four blocks, 32–64 channels.
    @Test func attentionAddsItsBlocksAfterTheStagesAtTheOutputStride() {
        let plain = Detector(classCount: 2, seed: 1)
        let se = Detector(classCount: 2, attention: .se, seed: 1)
        let cbam = Detector(classCount: 2, attention: .cbam, seed: 1)
        #expect(se.network.layers.count == plain.network.layers.count + 4)
        #expect(se.network.layers.filter { $0 is SqueezeExcitation }.count == 4)
        #expect(cbam.network.layers.filter { $0 is CBAM }.count == 4)
        // The backbone starts from the same weights with or without attention.
        let backbone = plain.parameters.map(\.value.values)
        let withSE = se.parameters.filter { !$0.name.hasPrefix("gate.") }.map(\.value.values)
        #expect(withSE == backbone)
    }
}
