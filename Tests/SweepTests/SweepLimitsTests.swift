import Foundation
import Testing

@testable import Sweep

/// Sizes and durations past their bounds are located sweep-file errors (never a trap or an
/// allocation that takes the machine down), and long `values` lists are checked in linear time.
@Suite struct SweepLimitsTests {
    private func sweep(_ parameters: String, extra: String = "") -> String {
        "name: big\nmethod: grid\nparameters:\n\(parameters)\(extra)"
    }

    private func parseError(_ text: String) throws -> SweepFileError {
        try #require(throws: SweepFileError.self) {
            try SweepSpec.parse(text: text, path: "big.yaml")
        }
    }

    @Test(arguments: [
        "trial_timeout: 1e19", "trial_timeout: 1e300", "time_budget: 1e300",
        "time_budget: 366d", "trial_timeout: 31536001", "time_budget: 9999999999h",
        "trial_timeout: 8760h1s",
    ])
    func durationsPastAYearAreOutOfRange(line: String) throws {
        let text = sweep("  lr: {values: [0.1]}\n", extra: line + "\n")
        let error = try parseError(text)
        let key = String(line.prefix { $0 != ":" })
        let value = String(line.dropFirst(key.count + 2))
        #expect(error.problem == .outOfRange(requirement: DurationParser.maximumRequirement))
        #expect(error.line == 5)
        #expect(error.keyPath == key)
        #expect(error.value == value)
        #expect(
            error.description == "big.yaml:5: \(key): \(DurationParser.maximumRequirement) "
                + "(got \(value))")
    }

    @Test func aYearIsAcceptedAndSummarised() throws {
        let text = sweep(
            "  lr: {values: [0.1]}\n", extra: "time_budget: 365d\ntrial_timeout: 8760h\n")
        let spec = try SweepSpec.parse(text: text, path: "big.yaml")
        #expect(spec.timeBudget == DurationParser.maximumSeconds)
        #expect(spec.trialTimeout == DurationParser.maximumSeconds)
        #expect(spec.summary().contains("8760h"))
    }

    @Test(arguments: ["--grace", "--time-budget"], ["1e19", "1e300", "366d", "31536001"])
    func durationOptionsPastAYearAreRefused(option: String, value: String) {
        #expect(
            throws: SchedulerError.invalidOption(
                name: option, value: value, reason: DurationParser.maximumRequirement)
        ) { try SchedulerOptions.seconds(value, option: option) }
    }

    @Test(arguments: ["--grace", "--time-budget"], ["-5", "-1h"])
    func negativeDurationOptionsAreRefused(option: String, value: String) {
        let reason =
            value == "-5"
            ? "must not be negative" : "expected a duration such as 90s, 30m, 8h or 1h30m"
        #expect(throws: SchedulerError.invalidOption(name: option, value: value, reason: reason)) {
            try SchedulerOptions.seconds(value, option: option)
        }
    }

    @Test func aGridPastTheLimitSaysHowManyPointsItHas() throws {
        let thousand = "[" + (1...1000).map { "\($0)e-4" }.joined(separator: ", ") + "]"
        let text = sweep(
            "  lr: {values: \(thousand)}\n  weight_decay: {values: \(thousand)}\n"
                + "  batch_size: {values: [" + (1...1000).map(String.init).joined(separator: ", ")
                + "]}\n")
        let error = try parseError(text)
        #expect(
            error.problem
                == .gridTooLarge(
                    points: "1000000000", factors: "1000 × 1000 × 1000",
                    limit: SweepLimits.maximumTrials))
        #expect(error.line == 3)
        #expect(error.keyPath == "parameters")
        #expect(error.description.contains("the grid has 1000000000 points"))
    }

    @Test func aGridAtTheLimitIsAccepted() throws {
        let text = sweep(
            "  lr: {values: [" + (1...100).map { "\($0)e-3" }.joined(separator: ", ") + "]}\n"
                + "  batch_size: {values: ["
                + (1...(SweepLimits.maximumTrials / 100)).map(String.init).joined(separator: ", ")
                + "]}\n")
        let spec = try SweepSpec.parse(text: text, path: "big.yaml")
        guard case .values(let sizes)? = spec.parameters[.batchSize] else {
            Issue.record("batch_size is not a values list")
            return
        }
        #expect(sizes.count * 100 == SweepLimits.maximumTrials)
    }

    @Test func maxTrialsPastTheLimitIsOutOfRange() throws {
        let text =
            "name: big\nmethod: random\nmax_trials: \(SweepLimits.maximumTrials + 1)\n"
            + "parameters:\n  lr: {distribution: log_uniform, min: 0.001, max: 0.1}\n"
        let error = try parseError(text)
        #expect(
            error.problem == .outOfRange(requirement: "must be <= \(SweepLimits.maximumTrials)"))
        #expect(error.keyPath == "max_trials")
    }

    /// A list as long as the limit is checked to its last value (a quadratic duplicate check
    /// would take minutes), where a duplicate is still found; one more value is refused.
    @Test func longValuesListsAreLinearAndBounded() throws {
        let count = SweepLimits.maximumTrials
        let values = (1...count).map { "\($0)e-7" }
        let random = "name: big\nmethod: random\nmax_trials: 1\nparameters:\n"
        let duplicate = try parseError(
            random + "  lr: {values: [\((values.dropLast() + ["1e-7"]).joined(separator: ", "))]}\n"
        )
        #expect(duplicate.problem == .duplicateValue)
        #expect(duplicate.keyPath == "parameters.lr.values[\(count - 1)]")

        let tooMany = try parseError(
            random + "  lr: {values: [\((values + ["1"]).joined(separator: ", "))]}\n")
        #expect(tooMany.problem == .tooManyValues(count: count + 1, limit: count))
        #expect(tooMany.keyPath == "parameters.lr.values")
    }
}
