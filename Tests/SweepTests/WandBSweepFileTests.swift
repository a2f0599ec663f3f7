import Foundation
import Testing
import Trainer
import Yams

@testable import Sweep

/// W&B sweep files: the documentation's examples (`Fixtures/wandb`, see its README for where each
/// came from) and each W&B key's reading, through the same parser as a native file.
@Suite struct WandBSweepFileTests {
    private static let folder = SpecTestPaths.testsFolder.appendingPathComponent("Fixtures/wandb")

    private func path(_ name: String) -> String {
        Self.folder.appendingPathComponent(name).path
    }

    /// The fixture `name` translated and parsed without refusing its `program:`.
    private func translated(_ name: String) throws -> (WandBTranslation, SweepSpec) {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        return try translated(text: text, path: path(name))
    }

    private func translated(text: String, path: String) throws -> (WandBTranslation, SweepSpec) {
        let parser = SweepFileParser(text: text, path: path, baseDirectory: Self.folder.path)
        let root = try #require(try Yams.compose(yaml: text))
        let translation = try WandBTranslator(nodes: parser.nodes).translate(root)
        var spec = try parser.parse(root: translation.root)
        spec.readingNotes = translation.notes
        return (translation, spec)
    }

    /// The error of parsing `text` as `w.yaml`.
    private func error(_ text: String) -> SweepFileError? {
        do {
            _ = try SweepSpec.parse(text: text, path: "w.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func everyFixtureIsReadAsAWandBFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(names.count == 5)
        for name in names {
            let text = try String(contentsOfFile: path(name), encoding: .utf8)
            let root = try #require(try Yams.compose(yaml: text))
            #expect(!WandBTranslator.markers(in: root).isEmpty, "\(name)")
        }
    }

    @Test func theDocsFirstExampleMinimizesItsValidationLoss() throws {
        let original = try String(contentsOfFile: path("sweepdemo.yaml"), encoding: .utf8)
        let noCap = try #require(throws: SweepFileError.self) {
            try SweepSpec.parse(text: original, path: "s.yaml")
        }
        #expect(noCap.problem == .wandb(.runCapRequired))

        let text = original + "run_cap: 10\n"
        let unknown = try #require(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "s.yaml")
        }
        // Searched epochs: a trial's length here, not a parameter of the program.
        #expect(unknown.line == 13)
        #expect(unknown.keyPath == "parameters.epochs")
        #expect(unknown.description.contains("a placeholder every trial fills"))

        let fixedEpochs = text.replacingOccurrences(
            of: "  epochs:\n    values: [5, 10, 15]\n", with: "  epochs:\n    value: 10\n")
        let spec = try SweepSpec.parse(text: fixedEpochs, path: "s.yaml")
        #expect(spec.objective == Objective(name: "validation_loss", goal: .minimize))
        #expect(
            spec.readingNotes.contains {
                $0.contains("metric: validation_loss, minimize → objective")
            })
        #expect(SweepSpec.objective(storedIn: fixedEpochs) == spec.objective)
    }

    @Test func anAPMetricWithoutAGoalIsRefusedAtWandBsDefaultMinimize() throws {
        let text = """
            program: train.py
            method: random
            run_cap: 4
            metric:
              name: ap_small
            parameters:
              lr: {min: 0.001, max: 0.1}
            """
        let error = try #require(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "s.yaml")
        }
        #expect(error.line == 4)
        #expect(error.keyPath == "metric.goal")
        #expect(error.problem == .wandb(.defaultGoalMinimizesDetectionMetric))
        #expect(error.description.contains("better when higher"))
        let ownMetric = try SweepSpec.parse(
            text: text.replacingOccurrences(of: "ap_small", with: "val_loss"), path: "s.yaml")
        #expect(ownMetric.objective == Objective(name: "val_loss", goal: .minimize))
        let loss = try SweepSpec.parse(
            text: text.replacingOccurrences(of: "ap_small", with: "loss"), path: "s.yaml")
        #expect(loss.objective == Objective(name: "loss", goal: .minimize))
    }

    @Test func theRandomExampleMapsOntoOurDomains() throws {
        let (translation, spec) = try translated("random.yaml")
        #expect(spec.name == "random")
        #expect(spec.method == .random)
        #expect(spec.maxTrials == 20)
        #expect(spec.objective == Objective(.apSmall))
        #expect(spec.parameters[.batchSize] == .qLogUniform(min: 32, max: 256, q: 8))
        // The program's own parameters, as the documentation names them.
        #expect(spec.parameters[.program("learning_rate")] == .uniform(min: 0, max: 0.1))
        #expect(
            spec.parameters[.program("dropout")]
                == .values([.number(0.3), .number(0.4), .number(0.5)]))
        #expect(
            spec.parameters[.program("fc_layer_size")]
                == .values([.integer(128), .integer(256), .integer(512)]))
        #expect(spec.parameters[.program("optimizer")] == .values([.text("adam"), .text("sgd")]))
        #expect(spec.parameters.count == 5)
        #expect(spec.trainer.epochs == 1)
        #expect(
            translation.notes.contains(
                "parameters.epochs: 1 → trainer.epochs (each trial's length; the program gets it as {epochs})"
            ))
        #expect(translation.notes.contains("run_cap: 20 → max_trials"))
        #expect(translation.notes.contains("name: none given → 'random' from the file's name"))
        #expect(
            translation.notes.contains(
                "parameters.batch_size: q_log_uniform_values → q_log_uniform"))
        #expect(
            translation.program?.arguments == [
                "/usr/bin/env", "python3", "train.py", "--batch_size={batch_size}",
                "--dropout={dropout}", "--epochs={epochs}", "--fc_layer_size={fc_layer_size}",
                "--learning_rate={learning_rate}", "--optimizer={optimizer}",
            ])
    }

    @Test func aProgramRunsAsACommandTrainer() throws {
        let spec = try SweepSpec.load(path: path("random.yaml"))
        #expect(
            spec.command?.command == [
                "/usr/bin/env", "python3", "train.py", "--batch_size={batch_size}",
                "--dropout={dropout}", "--epochs={epochs}", "--fc_layer_size={fc_layer_size}",
                "--learning_rate={learning_rate}", "--optimizer={optimizer}",
            ])
        #expect(
            spec.readingNotes.contains {
                $0.hasPrefix("program → trainer.command: /usr/bin/env python3 train.py --batch")
            })
    }

    @Test func bayesWithHyperbandIsAGaussianProcessWithASHA() throws {
        let (translation, spec) = try translated("bayes-hyperband.yaml")
        #expect(spec.method == .bayes)
        #expect(spec.maxTrials == 12)
        #expect(spec.objective == Objective(.ap50Small))
        #expect(spec.trainer.epochs == 27)
        // W&B's brackets for max_iter 27, s 2, eta 3 are 9 and 3: ASHA's rungs from epoch 3.
        #expect(spec.earlyStop == EarlyStopSpec(kind: .asha, minEpochs: 3, reductionFactor: 3))
        #expect(
            translation.notes.contains { $0.hasPrefix("method: bayes → bayes (a Gaussian process") }
        )
        #expect(
            translation.notes.contains {
                $0.contains("max_iter 27, s 2: lowest bracket 3, eta 3")
                    && $0.contains("early_stop: asha, min_epochs 3, reduction_factor 3")
            })
        #expect(spec.summary().contains("W&B keys:\n  read as a W&B sweep file"))
    }

    @Test func theCustomCommandExpandsArgsAsWandBDoes() throws {
        let (translation, spec) = try translated("custom-command.yaml")
        #expect(spec.method == .grid)
        #expect(spec.planTrials().count == 1)
        #expect(
            translation.program?.arguments == [
                "/usr/bin/env", "python", "train.py", "-b", "your-training-config",
                "--batch_size={batch_size}", "--lr={lr}",
            ])
        let loaded = try SweepSpec.load(path: path("custom-command.yaml"))
        #expect(loaded.command?.command == translation.program?.arguments)
    }

    @Test func theHydraCommandInfersUniformAndPassesNamesWithoutHyphens() throws {
        let (translation, spec) = try translated("hydra-command.yaml")
        let rate = Hyperparameter.program("optimizer.config.learning_rate")
        #expect(spec.parameters[rate] == .uniform(min: 1e-5, max: 0.1))
        #expect(
            spec.parameters[.program("optimizer")]
                == .values([.text("sgd"), .text("adagrad"), .text("adam")]))
        #expect(
            translation.notes.contains(
                "parameters.optimizer.config.learning_rate: min and max without a distribution "
                    + "→ uniform (as W&B infers it)"))
        #expect(
            translation.program?.arguments == [
                "/usr/bin/env", "python3", "main.py",
                "optimizer.config.learning_rate={optimizer.config.learning_rate}",
                "experiment={experiment}", "optimizer={optimizer}",
            ])
    }

    @Test func theIssuesExampleWithoutAProgramRuns() throws {
        let spec = try SweepSpec.parse(
            text: """
                name: w
                method: random
                metric: {name: ap_small, goal: maximize}
                run_cap: 20
                early_terminate: {type: hyperband, min_iter: 1}
                project: detectors
                parameters:
                  lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                """, path: "w.yaml")
        #expect(spec.maxTrials == 20)
        #expect(spec.parameters[.lr] == .logUniform(min: 0.0001, max: 0.1))
        #expect(spec.earlyStop == EarlyStopSpec(kind: .asha, minEpochs: 1, reductionFactor: 3))
        #expect(spec.planTrials().count == 20)
        #expect(spec.readingNotes.contains("project: detectors: no meaning here, ignored"))
        #expect(
            spec.readingNotes.first
                == "read as a W&B sweep file (recognised by metric, run_cap, early_terminate, project)"
        )
    }

    @Test func wandbsLogUniformTakesExponentsAndSaysSo() throws {
        let spec = try SweepSpec.parse(
            text: """
                name: w
                method: random
                run_cap: 5
                parameters:
                  lr: {distribution: log_uniform, min: -9.210340371976182, max: -2.302585092994046}
                """, path: "w.yaml")
        guard case .logUniform(let low, let high)? = spec.parameters[.lr] else {
            Issue.record("lr is \(String(describing: spec.parameters[.lr]))")
            return
        }
        #expect(abs(low - 0.0001) < 1e-12 && abs(high - 0.1) < 1e-12)
        #expect(spec.readingNotes.contains { $0.contains("natural-log exponents") })
    }

    @Test func aNativeFileKeepsItsOwnLogUniform() throws {
        let spec = try SweepSpec.parse(
            text: """
                name: n
                method: random
                max_trials: 5
                parameters:
                  lr: {distribution: log_uniform, min: 0.0001, max: 0.1}
                """, path: "n.yaml")
        #expect(spec.parameters[.lr] == .logUniform(min: 0.0001, max: 0.1))
        #expect(spec.readingNotes.isEmpty)
    }

    @Test func qUniformBecomesTheListOfItsMultiples() throws {
        let spec = try SweepSpec.parse(
            text: """
                name: w
                method: grid
                metric: {name: ap, goal: maximize}
                parameters:
                  batch_size: {distribution: q_uniform, min: 8, max: 32, q: 8}
                  lr: {value: 0.01}
                """, path: "w.yaml")
        #expect(
            spec.parameters[.batchSize] == .values([8, 16, 24, 32].map(ParameterValue.integer)))
        #expect(spec.objective == Objective(.ap))
        #expect(spec.planTrials().count == 4)
    }

    @Test func theStoredObjectiveOfAWandBFileIsItsMetric() {
        let text = "name: w\nmethod: grid\nmetric: {name: ap50_small, goal: maximize}\n"
        #expect(SweepSpec.objective(storedIn: text) == Objective(.ap50Small))
    }

    @Test(arguments: [
        ("metric: {name: ap_small}", 3, "metric.goal", "W&B's default goal is minimize"),
        ("metric: {name: ap_small, goal: maximize, target: 0.5}", 3, "metric.target", "target"),
        (
            "metric: {name: ap_small, goal: maximize}\nobjective: ap", 3, "metric",
            "objective, not both"
        ),
        ("run_cap: 3\nmetric: {name: ap, goal: maximize}", 3, "run_cap", "the grid runs every"),
        ("early_terminate: {type: median}", 3, "early_terminate.type", "use hyperband"),
        (
            "early_terminate: {type: hyperband, max_iter: 9}", 3, "early_terminate.max_iter",
            "needs s"
        ),
        (
            "early_terminate: {type: hyperband, max_iter: 9, s: 3}", 3, "early_terminate.s",
            "below one epoch"
        ),
        ("early_terminate: {type: hyperband}", 3, "early_terminate", "one of min_iter or max_iter"),
        (
            "program: t.py\ntrainer: {command: [python3, t.py]}", 3, "program",
            "trainer.command, not"
        ),
    ])
    func topLevelMistakesNameTheLineAndKey(
        extra: String, line: Int, keyPath: String, message: String
    ) throws {
        let text = "name: w\nmethod: grid\n\(extra)\nparameters:\n  lr: {values: [0.1]}\n"
        let error = try #require(self.error(text))
        #expect(error.line == line, "\(error)")
        #expect(error.keyPath == keyPath, "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    @Test(arguments: [
        ("lr: {distribution: q_normal, mu: 16, sigma: 4}", "write int_uniform or values"),
        ("lr: {min: 0.01, max: 0.1, mu: 0.05}", "mu and sigma only apply to distributions normal"),
        // W&B's default mu 0 and sigma 1 reach below 0, which no learning rate may.
        ("lr: {distribution: normal}", "mu ± 3 sigma spans [-3.0, 3.0], whose values must be > 0"),
        ("lr: {distribution: beta}", "beta is not supported: every parameter here has bounds"),
        ("loss: {values: [ce, focal], probabilities: [0.5, 0.5]}", "weighted values"),
        // Without a program there is no command trainer to take its own parameters.
        ("momentum: {values: [0.9]}", "unknown parameter (searchable: lr"),
        ("batch_size: {distribution: q_uniform, min: 1, max: 100000, q: 1}", "1 to 1000 multiples"),
        ("lr: {distribution: q_uniform, min: 1e300, max: 1e308, q: 1e-300}", "1 to 1000 multiples"),
    ])
    func parameterMistakesNameTheLine(domain: String, message: String) throws {
        let text = "name: w\nmethod: random\nrun_cap: 2\nproject: p\nparameters:\n  \(domain)\n"
        let error = try #require(self.error(text))
        #expect(error.line == 6, "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func randomWithoutRunCapSaysWhyOneIsNeeded() throws {
        let error = try #require(
            self.error("name: w\nmethod: bayes\nproject: p\nparameters:\n  lr: {values: [0.1]}\n"))
        #expect(error.keyPath == "run_cap")
        #expect(error.description.contains("W&B runs until stopped"))
    }
}
