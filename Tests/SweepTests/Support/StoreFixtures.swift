import Foundation
import Trainer

@testable import Sweep

/// A fresh temporary folder for one test, removed when `body` returns.
struct TemporaryFolder {
    let url: URL

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    @discardableResult
    static func with<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(TemporaryFolder(url: url))
    }

    @discardableResult
    static func withAsync<T>(_ body: (TemporaryFolder) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sweep-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(TemporaryFolder(url: url))
    }
}

enum StoreFixtures {
    /// A trial with the given plan index and parameters; its key is derived from them.
    static func trial(
        _ index: Int, lr: Double = 0.01, weightDecay: Double = 0.0005, batchSize: Int = 16,
        loss: LossKind = .focal, seed: UInt64 = 1, epochs: Int = 3, sweep: String = "s"
    ) -> TrialConfig {
        let training = TrainingConfig(
            lr: lr, weightDecay: weightDecay, batchSize: batchSize, loss: loss, epochs: epochs,
            seed: seed,
            data: .synthetic(SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4)))
        return TrialConfig(
            index: index,
            key: "\(sweep)-\(index)-\(lr)-\(weightDecay)-\(batchSize)-\(loss)-\(seed)",
            parameters: TrialParameters(
                lr: lr, weightDecay: weightDecay, batchSize: batchSize, loss: loss),
            seed: seed, training: training)
    }

    /// Metrics with the three ranking keys set and the rest derived from `apSmall`.
    static func metrics(apSmall: Double, ap50Small: Double = 0.5, ap: Double = 0.3)
        -> DetectionMetrics
    {
        DetectionMetrics(
            ap: ap, ap50: 0.6, ap75: 0.2, apSmall: apSmall, apMedium: 0.4, apLarge: -1,
            ar1: 0.1, ar10: 0.2, ar100: 0.3, arSmall: 0.25, arMedium: 0.35, arLarge: -1,
            ap50Small: ap50Small, apVeryTiny: 0.05, apTiny: 0.07, apTinySmall: apSmall / 2)
    }

    static func completed(_ metrics: DetectionMetrics, epochs: Int = 3) -> TrialOutcome {
        TrialOutcome(
            state: .completed,
            result: TrainingResult(
                status: .completed, epochs: epochs, metrics: metrics, seconds: 12.5,
                imagesPerSecond: 40),
            epochsReached: epochs)
    }

    /// A record as the ranking sees it, without a database.
    static func record(
        _ index: Int, state: TrialState = .completed, apSmall: Double, ap50Small: Double = 0.5,
        ap: Double = 0.3
    ) -> TrialRecord {
        TrialRecord(
            config: trial(index), state: state, epochsReached: 3,
            metrics: metrics(apSmall: apSmall, ap50Small: ap50Small, ap: ap),
            metricsSource: .final, seconds: 1)
    }
}
