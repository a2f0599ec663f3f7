import Foundation
import Testing
import Trainer

@testable import Sweep

/// The worker side of the protocol, on the paths that stop before training.
@Suite struct TrialWorkerTests {
    private func run(_ input: Data, key: String?) -> (Int32, [WorkerMessage?]) {
        var lines: [String] = []
        let status = TrialWorker.run(input: input, trialKey: key) { lines.append($0) }
        return (status, lines.map { WorkerMessage(line: $0) })
    }

    @Test func aMissingDatasetIsOneErrorLine() throws {
        var trial = StoreFixtures.trial(0)
        trial.training.data = .yolo(path: "/nonexistent/data.yaml", skipCorrupt: false)
        let (status, messages) = run(try JSONEncoder().encode(trial), key: trial.key)
        #expect(status == TrialWorker.errorExitCode)
        #expect(messages.count == 1)
        guard case .error(let text) = messages.first else {
            Issue.record("expected an error line, got \(messages)")
            return
        }
        #expect(text.contains("/nonexistent/data.yaml"))
    }

    /// A config outside the bounds is refused before any dataset or training: one error line
    /// naming the key, exit status 2 (a worker error, never retried).
    @Test(arguments: [
        (TrainingConfig(epochs: -3), "epochs: must be >= 0 (got -3)"),
        (TrainingConfig(batchSize: 0), "batch_size: must be >= 1 (got 0)"),
        (
            TrainingConfig(
                data: .synthetic(SyntheticDatasetOptions(imageSize: 100_000, trainImages: 1))),
            "data.synthetic.image_size: must be <= 4096 (got 100000)"
        ),
    ])
    func anOutOfBoundConfigIsOneErrorLine(training: TrainingConfig, message: String) throws {
        var trial = StoreFixtures.trial(0)
        trial.training = training
        let (status, messages) = run(try JSONEncoder().encode(trial), key: trial.key)
        #expect(status == TrialWorker.errorExitCode)
        #expect(messages == [.error("trial \(trial.key): \(message)")])
    }

    @Test func anUnreadableConfigIsOneErrorLine() {
        let (status, messages) = run(Data("{not json".utf8), key: nil)
        #expect(status == TrialWorker.errorExitCode)
        guard case .error(let text) = messages.first else {
            Issue.record("expected an error line")
            return
        }
        #expect(text.hasPrefix("unreadable trial config on stdin"))
    }

    @Test func aKeyMismatchIsRefused() throws {
        let trial = StoreFixtures.trial(0)
        let (status, messages) = run(try JSONEncoder().encode(trial), key: "other")
        #expect(status == TrialWorker.errorExitCode)
        #expect(
            messages.first
                == .error("--trial 'other' does not match the config's key '\(trial.key)'"))
    }

    @Test func theLauncherAddsOneBLASThreadAndTheTrialKey() {
        let launcher = WorkerLauncher(executable: "/bin/w", environment: ["A": "1"])
        #expect(launcher.argv(trialKey: "k") == ["/bin/w", "worker", "--trial", "k"])
        let environment = launcher.environment(base: ["OPENBLAS_NUM_THREADS": "8", "B": "2"])
        #expect(environment == ["OPENBLAS_NUM_THREADS": "1", "A": "1", "B": "2"])
        #expect(WorkerLauncher.currentExecutable().executable.hasPrefix("/"))
    }
}
