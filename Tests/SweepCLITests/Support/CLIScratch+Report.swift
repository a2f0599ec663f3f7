import Foundation
import Sweep
import Testing
import Trainer

extension CLIScratch {
    /// A database at ``db`` with the sweep `small`: a 3 lr × 2 batch size × 2 loss grid with ASHA,
    /// two epochs per trial, two trials pruned after one epoch, one failed; and the sweep `empty`
    /// with no trials.
    func storeWithSmallSweep() throws {
        let text = """
            name: small
            method: grid
            seed: 1
            parameters:
              lr: {values: [0.01, 0.03, 0.1]}
              batch_size: {values: [8, 16]}
              loss: {values: [ce, focal]}
            trainer:
              epochs: 2
              data:
                synthetic: {image_size: 32, train_images: 8, val_images: 4, seed: 7}
            early_stop: {type: asha, min_epochs: 1, reduction_factor: 2}

            """
        let store = try SQLiteTrialStore(path: db)
        _ = try store.openSweep(name: "empty", specText: "name: empty\n")
        let id = try store.openSweep(name: "small", specText: text)
        let trials = try SweepSpec.parse(text: text, path: path("small.yaml")).planTrials()
        try store.plan(sweepID: id, trials: trials)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        for trial in trials {
            let p = trial.parameters
            let began = start.addingTimeInterval(Double(trial.index / 2) * 10)
            try store.markRunning(key: trial.key, pid: Int32(100 + trial.index % 2), at: began)
            let final =
                0.3 - abs(log10(p.lr) + 1.5) * 0.1 + (p.loss == .focal ? 0.05 : 0)
                - Double(p.batchSize) / 400
            let state: TrialState =
                trial.index == 5 ? .failed : trial.index % 5 == 1 ? .pruned : .completed
            let epochs = state == .completed ? 2 : state == .pruned ? 1 : 0
            for epoch in stride(from: 1, through: epochs, by: 1) {
                try store.recordEpoch(
                    key: trial.key,
                    report: EpochReport(
                        epoch: epoch, loss: 1, metrics: Self.metrics(final * Double(epoch) / 2),
                        seconds: Double(p.batchSize) / 4))
            }
            let ended = began.addingTimeInterval(9)
            switch state {
            case .completed:
                try store.finish(
                    key: trial.key,
                    outcome: TrialOutcome(
                        state: .completed,
                        result: TrainingResult(
                            status: .completed, epochs: 2, metrics: Self.metrics(final),
                            seconds: Double(p.batchSize) / 2, imagesPerSecond: 10),
                        epochsReached: 2, endedAt: ended))
            case .pruned:
                try store.finish(
                    key: trial.key,
                    outcome: TrialOutcome(
                        state: .pruned, epochsReached: 1, error: "ASHA rung 1", endedAt: ended))
            default:
                try store.finish(
                    key: trial.key,
                    outcome: TrialOutcome(state: .failed, error: "worker exited 3", endedAt: ended))
            }
        }
        try store.close()
    }

    private static func metrics(_ apSmall: Double) -> DetectionMetrics {
        DetectionMetrics { $0 == .apSmall ? apSmall : ($0 == .apLarge ? -1 : 0.2) }
    }
}
