import Foundation
import Sweep
import Testing

/// A sweep file that runs `Fixtures/command-trainers/trainer.sh MODE` as its command trainer,
/// written into a scratch folder and run through the `sweep-cli` binary.
struct CommandTrainerSweep {
    static let fixtures = CLIRun.repository.appendingPathComponent(
        "Tests/SweepCLITests/Fixtures/command-trainers"
    ).path

    let scratch: CLIScratch
    let name = "cmd"
    var file: String { scratch.path("sweep.yaml") }

    /// Writes the sweep: a grid over `lr` (or the program's own `parameter`), `trainer.sh MODE
    /// {lr} {epochs} {trial} {trial_dir} {seed} {sweep}` run in the fixtures folder, plus `extra`
    /// top-level lines and `trainer` lines.
    init(
        mode: String, lrs: [Double] = [0.1, 0.2], epochs: Int = 2, retries: Int = 0,
        extra: String = "", trainer: String = "", parameter: String = "lr"
    ) throws {
        scratch = try CLIScratch()
        let text = """
            name: \(name)
            method: grid
            seed: 7
            max_retries: \(retries)
            parameters:
              \(parameter): {values: [\(lrs.map { "\($0)" }.joined(separator: ", "))]}
            trainer:
              command: [sh, trainer.sh, \(mode), "{\(parameter)}", "{epochs}", "{trial}",
                        "{trial_dir}", "{seed}", "{sweep}"]
              env: {TRAINER_NOTE: "lr={\(parameter)} of {sweep}"}
              workdir: \(Self.fixtures)
              epochs: \(epochs)
            \(trainer)
            \(extra)
            """
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Runs the sweep to its end (`--jobs 1`); its exit status and output.
    func run() async throws -> (status: Int32, output: String) {
        try await scratch.runAsync(["run", file, "--db", scratch.db, "--jobs", "1"])
    }

    /// The stored trials, in plan order.
    func trials() throws -> [TrialRecord] {
        try #require(CLIRun.trials(db: scratch.db, sweep: name))
    }

    /// The folder of trial `index`, as `{trial_dir}` names it.
    func trialDirectory(_ index: Int) -> String {
        scratch.path("trials/\(name)/trial-\(index)")
    }
}
