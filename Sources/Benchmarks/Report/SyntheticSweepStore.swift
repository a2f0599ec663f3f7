import Foundation
import Sweep
import Trainer

/// Writes a generated sweep into an SQLite store, as `run` would have left it: a random search
/// over lr, weight_decay, batch_size and loss with ASHA, whose objective peaks at an lr that
/// grows with √batch_size and prefers focal loss; most trials complete, some are pruned, fail or
/// diverge. For `sweep-cli bench report` (a 10,000-trial store) and its tests.
public enum SyntheticSweepStore {
    /// The sweep file of the generated sweep.
    public static func specText(name: String, trials: Int, epochs: Int) -> String {
        """
        name: \(name)
        method: random
        max_trials: \(trials)
        seed: 42
        parameters:
          lr:           {distribution: log_uniform, min: 0.0001, max: 0.1}
          weight_decay: {distribution: log_uniform, min: 0.0001, max: 0.001}
          batch_size:   {values: [8, 16, 32, 64]}
          loss:         {values: [mse, ce, focal]}
        trainer:
          epochs: \(epochs)
          data:
            synthetic: {image_size: 32, train_images: 8, val_images: 4, seed: 7}
        early_stop: {type: asha, min_epochs: 1, reduction_factor: 3}

        """
    }

    /// Creates the sweep `name` with `trials` finished trials in the database at `path`.
    public static func write(
        path: String, name: String = "generated", trials: Int, epochs: Int = 3, seed: UInt64 = 1
    ) throws {
        let text = specText(name: name, trials: trials, epochs: epochs)
        let spec = try SweepSpec.parse(text: text, path: "\(name).yaml")
        let planned = spec.planTrials()
        let store = try SQLiteTrialStore(path: path)
        let id = try store.openSweep(name: name, specText: text)
        try store.plan(sweepID: id, trials: planned)
        var generator = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        var slots = Array(repeating: start, count: 4)
        for trial in planned {
            let slot = slots.indices.min { slots[$0] < slots[$1] } ?? 0
            let began = slots[slot]
            try store.markRunning(key: trial.key, pid: Int32(1000 + slot), at: began)
            let final = objective(trial.parameters, noise: generator.nextUnit())
            let draw = generator.nextUnit()
            let state: TrialState =
                draw < 0.02 ? .failed : draw < 0.04 ? .diverged : draw < 0.3 ? .pruned : .completed
            let reached = state == .pruned ? 1 : state == .failed ? 0 : epochs
            let secondsPerEpoch = 2 + 60 / Double(trial.parameters.batchSize)
            for epoch in stride(from: 1, through: reached, by: 1) {
                let value = final * Double(epoch) / Double(epochs)
                try store.recordEpoch(
                    key: trial.key,
                    report: EpochReport(
                        epoch: epoch, loss: 1 / Double(epoch), metrics: metrics(value),
                        seconds: secondsPerEpoch))
            }
            let seconds = secondsPerEpoch * Double(max(reached, 1))
            let ended = began.addingTimeInterval(seconds + 0.5)
            slots[slot] = ended
            try store.finish(
                key: trial.key,
                outcome: outcome(
                    state, reached: reached, final: final, seconds: seconds, ended: ended))
        }
    }

    private static func outcome(
        _ state: TrialState, reached: Int, final: Double, seconds: Double, ended: Date
    ) -> TrialOutcome {
        switch state {
        case .failed:
            TrialOutcome(state: .failed, error: "worker exited with status 1", endedAt: ended)
        case .diverged:
            TrialOutcome(
                state: .diverged,
                result: TrainingResult(
                    status: .diverged, epochs: reached, metrics: nil, seconds: seconds,
                    imagesPerSecond: 100, reason: "loss became NaN"),
                epochsReached: reached, endedAt: ended)
        case .pruned:
            TrialOutcome(
                state: .pruned, epochsReached: reached, error: "ASHA rung 1 (epoch 1)",
                endedAt: ended)
        default:
            TrialOutcome(
                state: .completed,
                result: TrainingResult(
                    status: .completed, epochs: reached, metrics: metrics(final),
                    seconds: seconds, imagesPerSecond: 100),
                epochsReached: reached, endedAt: ended)
        }
    }

    /// The generated objective: a bump in log(lr) around 0.003·√(batch/8), a loss bonus, noise.
    static func objective(_ p: TrialParameters, noise: Double) -> Double {
        let best = log10(0.003 * (Double(p.batchSize) / 8).squareRoot())
        let distance = log10(p.lr) - best
        let bonus: Double =
            switch p.loss {
            case .focal: 0.05
            case .ce: 0.02
            default: 0
            }
        return max(0, 0.3 - 0.08 * distance * distance + bonus + 0.01 * noise)
    }

    private static func metrics(_ apSmall: Double) -> DetectionMetrics {
        DetectionMetrics { metric in
            switch metric {
            case .apSmall: apSmall
            case .apLarge: -1
            default: min(1, apSmall * 1.5)
            }
        }
    }
}
