import Foundation
import Sweep
import Trainer

/// Inputs for the benchmark tests: random tensors, the sweep tests' fake workers and a tiny
/// training config. (`CurveFixtures.swift` beside this file links to the sweep tests' own.)
enum BenchmarkFixtures {
    /// The fake workers of the sweep tests (`Tests/SweepTests/Fixtures/workers`).
    static let workers = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SweepTests/Fixtures/workers")

    /// The fake worker `NAME.sh`.
    static func worker(_ name: String) -> WorkerLauncher {
        WorkerLauncher(
            executable: workers.appendingPathComponent("\(name).sh").path, arguments: ["worker"])
    }

    /// One epoch on tiny synthetic data.
    static let training = TrainingConfig(
        batchSize: 4, epochs: 1,
        data: .synthetic(SyntheticDatasetOptions(imageSize: 32, trainImages: 8, valImages: 4)))

    /// A tensor of the given shape with uniform values in `-1..<1` from `seed`.
    static func random(_ n: Int, _ c: Int, _ h: Int, _ w: Int, seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        let t = Tensor(n, c, h, w)
        for i in 0..<t.count { t[i] = rng.uniform(-1, 1) }
        return t
    }
}
