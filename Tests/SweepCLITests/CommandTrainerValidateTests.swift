import Foundation
import Testing

/// `validate` of sweep files with a command trainer, through the binary.
@Suite struct CommandTrainerValidateTests {
    /// `validate` of a sweep searching lr and loss by `method` (`grid`, or a model-based one
    /// with `max_trials: 4`) with the `trainer:` lines `trainer`.
    private func validate(_ trainer: String, method: String = "grid") async throws -> (
        status: Int32, output: String, path: String
    ) {
        let scratch = try CLIScratch()
        defer { scratch.remove() }
        let path = scratch.path("sweep.yaml")
        let text = """
            name: cmd
            method: \(method)\(method == "grid" ? "" : "\nmax_trials: 4")
            parameters:
              lr: {values: [0.01, 0.1]}
              loss: {values: [ce, focal]}
            trainer:
            \(trainer)
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await scratch.runAsync(["validate", path])
        return (run.status, run.output, path)
    }

    @Test func showsTheFirstTrialsCommandFilledIn() async throws {
        let result = try await validate(
            """
              command: [python3, train.py, --lr, "{lr}", --loss, "{loss}", --out, "{trial_dir}",
                        --note, "{{literal}}"]
              env: {OMP_NUM_THREADS: "1"}
              epochs: 4
            """)
        #expect(result.status == 0, "\(result.output)")
        let folder = URL(fileURLWithPath: "results/trials/cmd/trial-0").standardizedFileURL.path
        #expect(
            result.output.contains(
                "command:        python3 train.py --lr 0.01 --loss ce --out \(folder) "
                    + "--note '{literal}' (trial 0)"), "\(result.output)")
        #expect(result.output.contains("env:            OMP_NUM_THREADS=1"))
        #expect(result.output.contains("epochs:         4"))
        #expect(result.output.contains("metrics:        stdout"))
    }

    /// A model-based sweep plans nothing up front: `validate` fills in its first proposal.
    @Test func aModelBasedSweepShowsItsFirstProposalFilledIn() async throws {
        let result = try await validate(
            """
              command: [python3, train.py, --lr, "{lr}", --loss, "{loss}"]
            """, method: "tpe")
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains(
                /command: +python3 train.py --lr 0\.1?0?1 --loss (ce|focal) \(trial 0\)/),
            "\(result.output)")
    }

    @Test func anUnknownPlaceholderIsRefusedWithItsLine() async throws {
        let result = try await validate(
            """
              command: [python3, train.py,
                        "{lrr}"]
            """)
        #expect(result.status == 1)
        #expect(
            result.output.hasPrefix(
                "error: \(result.path):8: trainer.command[2]: unknown placeholder {lrr} (valid: "
                    + "{lr}, {loss}, {epochs}, {seed}, {trial}, {trial_dir}, {sweep};"),
            "\(result.output)")
    }

    /// Ultralytics has no loss switch: searching `loss` for a command that never receives it
    /// would run the same training under different names. Passing it through `env` is enough.
    @Test func aSearchedParameterTheCommandNeverReceivesIsRefused() async throws {
        let result = try await validate(
            """
              command: [yolo, detect, train, "lr0={lr}"]
            """)
        #expect(result.status == 1)
        #expect(
            result.output.hasPrefix(
                "error: \(result.path):5: parameters.loss: searched, but the command trainer "
                    + "never passes it to the program: put {loss} in trainer.command or "
                    + "trainer.env, or stop searching it"), "\(result.output)")
        let throughEnv = try await validate(
            """
              command: [yolo, detect, train, "lr0={lr}"]
              env: {LOSS: "{loss}"}
            """)
        #expect(throughEnv.status == 0, "\(throughEnv.output)")
    }

    @Test func anEmbeddedTrainerKeyIsRefusedBesideACommand() async throws {
        let result = try await validate(
            """
              command: [python3, train.py]
              data: {synthetic: {}}
            """)
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "\(result.path):8: trainer.data: only the embedded trainer reads this key"),
            "\(result.output)")
    }

    @Test func predictionsNeedAGroundTruthThatExists() async throws {
        let missing = try await validate(
            """
              command: [python3, train.py]
              predictions: "{trial_dir}/p.json"
            """)
        #expect(missing.status == 1)
        #expect(missing.output.contains("trainer.predictions: predictions: and ground_truth: go"))
        let absent = try await validate(
            """
              command: [python3, train.py]
              predictions: "{trial_dir}/p.json"
              ground_truth: nowhere/gt.json
            """)
        #expect(absent.status == 1)
        #expect(absent.output.contains("trainer.ground_truth: no such file or folder: "))
    }
}
