import Foundation
import Testing
import Trainer

@testable import Benchmarks

@Suite struct AugmentationBenchmarkTests {
    @Test func timesBothWaysAndReportsTheShareOfAStep() throws {
        let result = AugmentationBenchmark.run(
            batchSize: 2, batches: 3, stepSeconds: 10, images: 4)
        #expect(result.batchSize == 2 && result.imageSize == 128)
        #expect(result.augmentedSeconds > 0 && result.plainSeconds > 0)
        #expect(
            abs(result.stepShare - (result.augmentedSeconds - result.plainSeconds) / 10) < 1e-12)
        #expect(result.line.hasPrefix("augmentation (mosaic"))
        #expect(result.line.contains("of a detector step (10000.00 ms)"))
        let report = TrainerBenchmarkReport(
            peak: SGEMMPeak.measure(size: 16, runs: 1), results: [], augmentation: result)
        #expect(report.text.contains(result.line))
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8))
        let augmentation = (object as? [String: Any])?["augmentation"] as? [String: Any]
        #expect(augmentation?["step_ms"] as? Double == 10_000)
    }

    @Test func withoutAugmentationTheShareIsNearZero() {
        let plain = AugmentationBenchmark.run(
            batchSize: 2, batches: 3, stepSeconds: 1000, images: 4,
            settings: Augmentation(fliplr: 0))
        #expect(abs(plain.stepShare) < 0.01)
    }
}
