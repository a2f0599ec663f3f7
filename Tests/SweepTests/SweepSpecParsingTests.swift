import Foundation
import Testing
import Trainer

@testable import Sweep

@Suite struct SweepSpecParsingTests {
    @Test func everyExampleSweepParses() throws {
        let paths = SpecTestPaths.exampleSweeps()
        #expect(paths.count >= 3)
        for path in paths {
            let spec = try SweepSpec.load(path: path)
            #expect(!spec.planTrials().isEmpty || spec.method.isModelBased, "\(path)")
            #expect(spec.sourceText == (try String(contentsOfFile: path, encoding: .utf8)))
        }
    }

    @Test func overnightRandomIsReadCompletely() throws {
        let path = SpecTestPaths.sweeps.appendingPathComponent("overnight-random.yaml").path
        let spec = try SweepSpec.load(path: path)
        #expect(spec.name == "overnight-random")
        #expect(spec.method == .random)
        #expect(spec.maxTrials == 300)
        #expect(spec.seed == 42)
        #expect(spec.parameters[.lr] == .logUniform(min: 0.0001, max: 0.1))
        #expect(spec.parameters[.weightDecay] == .logUniform(min: 0.0001, max: 0.001))
        #expect(
            spec.parameters[.batchSize]
                == .values([.integer(16), .integer(32), .integer(64), .integer(128)]))
        #expect(spec.parameters[.loss] == .values([.text("mse"), .text("ce"), .text("focal")]))
        #expect(spec.timeBudget == 28_800.0)
        #expect(spec.trialTimeout == 1_800.0)
        #expect(spec.maxRetries == 1)
        #expect(spec.earlyStop == EarlyStopSpec(kind: .asha, minEpochs: 1, reductionFactor: 3))
        #expect(spec.trainer.epochs == 9)
        #expect(
            spec.trainer.data
                == .synthetic(
                    SyntheticDatasetOptions(
                        imageSize: 128, trainImages: 1024, valImages: 256, seed: 7)))
    }

    @Test func quickstartStaysSmall() throws {
        let path = SpecTestPaths.sweeps.appendingPathComponent("quickstart.yaml").path
        let spec = try SweepSpec.load(path: path)
        guard case .synthetic(let options) = spec.trainer.data else {
            Issue.record("quickstart must use synthetic data")
            return
        }
        // About two minutes on 2 cores: at most 12 trials × 6 epochs × 384 images of 96².
        let trainedImages = spec.planTrials().count * spec.trainer.epochs * options.trainImages
        #expect(trainedImages <= 12 * 6 * 384)
        #expect(options.imageSize <= 96)
    }

    @Test func fixedValuesAliasesAndPlainExponents() throws {
        let text = """
            name: aliases
            method: random
            max_trials: 5
            parameters:
              lr:           {distribution: categorical, values: [1e-4, 3e-3]}
              weight_decay: {value: 0}
              batch_size:   {distribution: constant, value: 24}
              loss:         {value: ce}
            trainer:
              epochs: 4
              momentum: 0.8
              warmup_epochs: 0.5
              focal_alpha: 0.5
              focal_gamma: 1.5
            """
        let spec = try SweepSpec.parse(text: text, path: "aliases.yaml")
        #expect(spec.parameters[.lr] == .values([.number(0.0001), .number(0.003)]))
        #expect(spec.parameters[.weightDecay] == .values([.number(0)]))
        #expect(spec.parameters[.batchSize] == .values([.integer(24)]))
        #expect(spec.trainer.momentum == 0.8 && spec.trainer.warmupEpochs == 0.5)
        #expect(spec.trainer.focalAlpha == 0.5 && spec.trainer.focalGamma == 1.5)
        #expect(
            spec.planTrials().allSatisfy {
                $0.parameters.batchSize == 24 && $0.parameters.loss == .ce
            })
    }

    @Test func quotedNumbersAreText() {
        let text = "name: q\nmethod: grid\nparameters:\n  lr: {values: [\"0.1\"]}\n"
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "q.yaml")
        }
        #expect(error?.problem == .wrongType(expected: "a number"))
        #expect(error?.value == "\"0.1\"")
    }

    @Test func boundsWithoutADistributionAskForOne() {
        let text = """
            name: nodist
            method: random
            max_trials: 3
            parameters:
              lr: {min: 0.001, max: 0.1}
            """
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "n.yaml")
        }
        #expect(error?.problem == .missingKey)
        #expect(error?.keyPath == "parameters.lr.distribution")
        #expect(error?.line == 5)
    }

    @Test func equalBoundsAreAllowed() throws {
        let text = """
            name: point
            method: random
            max_trials: 3
            parameters:
              lr: {distribution: uniform, min: 0.01, max: 0.01}
            """
        let trials = try SweepSpec.parse(text: text, path: "p.yaml").planTrials()
        #expect(trials.allSatisfy { $0.parameters.lr == 0.01 })
    }

    @Test(arguments: [
        ("90s", 90.0), ("30m", 1800), ("8h", 28800), ("1h30m", 5400), ("1d", 86400),
        ("2.5", 2.5), ("1h0m5s", 3605), ("600", 600),
    ])
    func durations(_ text: String, _ seconds: Double) {
        #expect(DurationParser.seconds(text) == seconds)
    }

    @Test(arguments: ["", "8 hours", "h", "30m1h", "1x", "5m5"])
    func badDurations(_ text: String) {
        #expect(DurationParser.seconds(text) == nil)
    }

    @Test func yoloPathIsResolvedAgainstTheSweepFile() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("spec-yolo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "path: .\n".write(
            to: folder.appendingPathComponent("data/data.yaml"), atomically: true, encoding: .utf8)
        let sweep = folder.appendingPathComponent("s.yaml")
        try """
        name: real
        method: grid
        parameters:
          lr: {values: [0.01]}
        trainer:
          data: {yolo: data/data.yaml, skip_corrupt: true}
        """.write(to: sweep, atomically: true, encoding: .utf8)
        let spec = try SweepSpec.load(path: sweep.path)
        #expect(
            spec.trainer.data
                == .yolo(
                    path: folder.appendingPathComponent("data/data.yaml").standardized.path,
                    skipCorrupt: true))
    }

    @Test func summaryNamesThePlan() throws {
        let path = SpecTestPaths.sweeps.appendingPathComponent("small-objects-grid.yaml").path
        let summary = try SweepSpec.load(path: path).summary(path: path)
        #expect(summary.contains("small-objects-grid"))
        #expect(summary.contains("144 (full grid)"))
        #expect(summary.contains("values [0.0001, 0.001, 0.01, 0.1]"))
        #expect(summary.contains("synthetic 128x128, 512 train / 128 val images"))
        #expect(summary.contains("epochs:         3"))
    }
}
