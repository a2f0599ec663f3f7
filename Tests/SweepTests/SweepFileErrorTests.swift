import Foundation
import Testing

@testable import Sweep

/// One bad sweep fixture and the error it must produce.
struct BadSweepCase: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    /// Expected dotted key path; empty for mistakes of the whole document.
    let key: String
    /// Expected offending value as shown after `got`, when the mistake has one.
    let value: String?
    let problem: SweepFileProblem

    var testDescription: String { file }

    init(
        _ file: String, line: Int, key: String, value: String? = nil,
        _ problem: SweepFileProblem
    ) {
        self.file = file
        self.line = line
        self.key = key
        self.value = value
        self.problem = problem
    }

    static let all: [BadSweepCase] = [
        .init(
            "01-malformed-yaml.yaml", line: 5, key: "",
            .malformedYAML(
                reason: "while parsing a flow sequence (line 5): "
                    + "did not find expected ',' or ']' at column 26")),
        .init("02-not-a-mapping.yaml", line: 2, key: "", value: "a list", .notAMapping),
        .init(
            "03-unknown-top-level-key.yaml", line: 4, key: "max_trails",
            .unknownTopLevelKey(suggestion: "max_trials")),
        .init(
            "04-unknown-parameter.yaml", line: 6, key: "parameters.weightdecay",
            .unknownParameter(suggestion: "weight_decay")),
        .init(
            "05-unknown-parameter-key.yaml", line: 6, key: "parameters.lr.mni",
            .unknownParameterKey(suggestion: "min")),
        .init(
            "06-string-instead-of-number.yaml", line: 8, key: "parameters.lr.min", value: "small",
            .wrongType(expected: "a number")),
        .init("07-missing-method.yaml", line: 2, key: "method", .missingKey),
        .init("08-unknown-method.yaml", line: 3, key: "method", value: "hyperband", .unknownMethod),
        .init("09-random-without-max-trials.yaml", line: 2, key: "max_trials", .maxTrialsRequired),
        .init(
            "10-max-trials-with-grid.yaml", line: 4, key: "max_trials", value: "20",
            .maxTrialsWithGrid),
        .init(
            "11-max-trials-zero.yaml", line: 4, key: "max_trials", value: "0",
            .outOfRange(requirement: "must be >= 1")),
        .init(
            "12-min-above-max.yaml", line: 6, key: "parameters.lr.max", value: "0.001",
            .minAboveMax(min: "0.1")),
        .init(
            "13-lr-not-positive.yaml", line: 8, key: "parameters.lr.min", value: "-0.1",
            .outOfRange(requirement: "must be > 0")),
        .init(
            "14-negative-weight-decay.yaml", line: 5, key: "parameters.weight_decay.values[1]",
            value: "-0.0005", .outOfRange(requirement: "must be >= 0")),
        .init(
            "15-log-uniform-zero-min.yaml", line: 6, key: "parameters.weight_decay.min",
            value: "0", .logScaleNeedsPositiveMin),
        .init(
            "16-batch-size-not-integer.yaml", line: 5, key: "parameters.batch_size.values[1]",
            value: "24.5", .notAnInteger),
        .init(
            "17-batch-size-zero.yaml", line: 8, key: "trainer.batch_size", value: "0",
            .outOfRange(requirement: "must be >= 1")),
        .init(
            "18-unknown-loss.yaml", line: 5, key: "parameters.loss.values[1]", value: "hinge",
            .unknownLoss),
        .init(
            "19-grid-over-distribution.yaml", line: 5, key: "parameters.lr.distribution",
            value: "log_uniform", .gridNeedsValues),
        .init(
            "20-empty-values.yaml", line: 5, key: "parameters.lr.values", value: "[]",
            .emptyValues),
        .init(
            "21-duplicate-values.yaml", line: 6, key: "parameters.batch_size.values[2]",
            value: "16", .duplicateValue),
        .init(
            "22-q-not-positive.yaml", line: 6, key: "parameters.batch_size.q", value: "0",
            .outOfRange(requirement: "must be > 0")),
        .init(
            "23-negative-epochs.yaml", line: 7, key: "trainer.epochs", value: "-1",
            .outOfRange(requirement: "must be >= 0")),
        .init(
            "24-bad-time-budget.yaml", line: 6, key: "time_budget", value: "8 hours",
            .badDuration),
        .init(
            "25-unknown-early-stop-type.yaml", line: 7, key: "early_stop.type",
            value: "hyperband", .unknownEarlyStopType),
        .init(
            "26-reduction-factor-too-small.yaml", line: 9, key: "early_stop.reduction_factor",
            value: "1", .outOfRange(requirement: "must be >= 2")),
        .init(
            "27-min-epochs-zero.yaml", line: 7, key: "early_stop.min_epochs", value: "0",
            .outOfRange(requirement: "must be >= 1")),
        .init("28-both-data-sources.yaml", line: 8, key: "trainer.data", .bothDataSources),
        .init("29-no-data-source.yaml", line: 8, key: "trainer.data", .noDataSource),
        .init(
            "30-unknown-trainer-key.yaml", line: 7, key: "trainer.epoch",
            .unknownTrainerKey(suggestion: "epochs")),
        .init(
            "31-name-with-slash.yaml", line: 2, key: "name", value: "\"my sweep/1\"",
            .invalidName),
        .init("32-empty-name.yaml", line: 2, key: "name", value: "\"\"", .invalidName),
        .init("33-missing-parameters.yaml", line: 2, key: "parameters", .missingKey),
        .init("34-duplicate-key.yaml", line: 7, key: "parameters.lr", .duplicateKey),
        .init(
            "35-distribution-not-allowed.yaml", line: 6,
            key: "parameters.batch_size.distribution", value: "uniform",
            .distributionNotAllowed(allowed: ["int_uniform", "q_log_uniform", "values"])),
        .init(
            "36-unknown-distribution.yaml", line: 6, key: "parameters.lr.distribution",
            value: "poisson", .unknownDistribution),
        .init(
            "37-min-epochs-above-epochs.yaml", line: 7, key: "early_stop.min_epochs",
            value: "5", .minEpochsAboveEpochs(epochs: 3)),
        .init(
            "38-missing-dataset-file.yaml", line: 7, key: "trainer.data.yolo",
            value: "\"no/such/data.yaml\"",
            .dataFileNotFound(resolved: SpecTestPaths.badSweep("no/such/data.yaml"))),
        .init(
            "39-no-multiple-of-q.yaml", line: 6, key: "parameters.batch_size.max", value: "23",
            .noMultipleOfQ(q: "8")),
        .init(
            "40-values-and-distribution.yaml", line: 6, key: "parameters.lr.distribution",
            .ambiguousDomain),
        .init(
            "41-q-without-q-log-uniform.yaml", line: 6, key: "parameters.lr.q",
            .qWithoutQuantizedDistribution),
        .init("42-empty-parameters.yaml", line: 4, key: "parameters", .noParameters),
        .init(
            "43-parameter-not-a-mapping.yaml", line: 5, key: "parameters.lr", value: "0.1",
            .notAMapping),
        .init(
            "44-unknown-early-stop-key.yaml", line: 7, key: "early_stop.min_epoch",
            .unknownEarlyStopKey(suggestion: "min_epochs")),
        .init(
            "45-image-size-too-small.yaml", line: 8, key: "trainer.data.synthetic.image_size",
            value: "8", .outOfRange(requirement: "must be >= 32")),
        .init(
            "46-momentum-out-of-range.yaml", line: 7, key: "trainer.momentum", value: "1.5",
            .outOfRange(requirement: "must be < 1")),
        .init(
            "47-reduction-factor-with-median.yaml", line: 7, key: "early_stop.reduction_factor",
            .reductionFactorNotAllowed),
        .init(
            "48-zero-trial-timeout.yaml", line: 6, key: "trial_timeout", value: "0s",
            .outOfRange(requirement: "must be > 0")),
        .init(
            "trainer-01-seed.yaml", line: 7, key: "trainer.seed",
            .trainerKeyNotAllowed(useInstead: "the top-level seed")),
        .init(
            "trainer-02-image-size-too-large.yaml", line: 8,
            key: "trainer.data.synthetic.image_size", value: "100000",
            .outOfRange(requirement: "must be <= 4096")),
        .init(
            "trainer-03-train-images-too-many.yaml", line: 9,
            key: "trainer.data.synthetic.train_images", value: "1e12",
            .outOfRange(requirement: "must be <= 1000000")),
        .init(
            "trainer-04-dataset-too-large.yaml", line: 7, key: "trainer.data.synthetic",
            value: "train_images 600, val_images 128, image_size 2048",
            .outOfRange(
                requirement: "(train_images + val_images) × image_size² × 3 × 4 bytes must be "
                    + "<= 8 GiB; these images need 34.1 GiB")),
        .init(
            "trainer-05-misspelt-diverge-factor.yaml", line: 7, key: "trainer.diverge_facter",
            .unknownTrainerKey(suggestion: "diverge_factor")),
        .init(
            "trainer-06-batch-size-too-large.yaml", line: 5,
            key: "parameters.batch_size.values[1]", value: "4096",
            .outOfRange(requirement: "must be <= 1024")),
        .init(
            "trainer-07-lr-max-too-large.yaml", line: 6, key: "parameters.lr.max", value: "2e6",
            .outOfRange(requirement: "must be <= 1000000")),
    ]
}

@Suite struct SweepFileErrorTests {
    @Test(arguments: BadSweepCase.all)
    func badSweepIsRejectedWithItsLocation(_ bad: BadSweepCase) throws {
        let path = SpecTestPaths.badSweep(bad.file)
        let error = try #require(throws: SweepFileError.self) { try SweepSpec.load(path: path) }
        #expect(error.problem == bad.problem)
        #expect(error.path == path)
        #expect(error.line == bad.line)
        #expect(error.keyPath == bad.key)
        #expect(error.value == bad.value)
        let message = error.description
        #expect(message.hasPrefix("\(path):\(bad.line): "))
        if !bad.key.isEmpty { #expect(message.contains(" \(bad.key): ")) }
        if let value = bad.value { #expect(message.hasSuffix("(got \(value))")) }
    }

    @Test func everyFixtureHasACaseAndTheyAreDistinct() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: SpecTestPaths.badSweeps.path
        )
        .filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(BadSweepCase.all.map(\.file)))
        #expect(files.count >= 20)
    }

    @Test func messageReadsLikeACompilerDiagnostic() {
        let error = SweepFileError(
            path: "sweeps/x.yaml", line: 7, column: 10, keyPath: "parameters.lr.min", value: "-0.1",
            problem: .outOfRange(requirement: "must be > 0"))
        #expect(error.description == "sweeps/x.yaml:7: parameters.lr.min: must be > 0 (got -0.1)")
    }

    @Test func missingFileIsReported() {
        let path = SpecTestPaths.badSweep("does-not-exist.yaml")
        let error = #expect(throws: SweepFileError.self) { try SweepSpec.load(path: path) }
        #expect(error?.problem == .fileNotFound)
        #expect(error?.description == "\(path): no such file")
    }

    @Test func folderIsUnreadable() {
        let path = SpecTestPaths.badSweeps.path
        let error = #expect(throws: SweepFileError.self) { try SweepSpec.load(path: path) }
        #expect(error?.problem == .unreadable(reason: "it is a folder"))
    }

    @Test func emptyTextIsAnEmptyDocument() {
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: "# nothing here\n", path: "empty.yaml")
        }
        #expect(error?.problem == .emptyDocument)
        #expect(error?.description.hasPrefix("empty.yaml: ") == true)
    }

    @Test func farOffKeysGetNoSuggestion() {
        let text =
            "name: x\nmethod: grid\nnotebook: train.ipynb\nparameters:\n  lr: {values: [0.1]}\n"
        let error = #expect(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "x.yaml")
        }
        #expect(error?.problem == .unknownTopLevelKey(suggestion: nil))
        #expect(error?.line == 3)
    }

    @Test func nonUTF8FileIsUnreadable() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("spec-\(UUID().uuidString).yaml")
        try Data([0x6E, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: SweepFileError.self) { try SweepSpec.load(path: url.path) }
        #expect(error?.problem == .unreadable(reason: "not UTF-8 text"))
    }
}
