import ArgumentParser
import Sweep
import Testing

@testable import sweep_cli

/// `run` and `worker` argument parsing, in-process.
@Suite struct RunCommandTests {
    @Test func runTakesJobsBudgetGraceAndAHiddenWorkerCommand() throws {
        let command = try RunCommand.parse([
            "sweeps/quickstart.yaml", "--jobs", "3", "--time-budget", "8h", "--grace", "10s",
            "--worker-command", "/tmp/fake.sh", "--db", "x.sqlite",
        ])
        #expect(command.sweepFile == "sweeps/quickstart.yaml")
        #expect(command.jobs == 3)
        #expect(command.timeBudget == "8h")
        #expect(command.grace == "10s")
        #expect(command.workerCommand == "/tmp/fake.sh")
        #expect(command.db == "x.sqlite")
    }

    @Test func zeroJobsAreRefusedWithTheBound() {
        #expect {
            try RunCommand.parse(["s.yaml", "--jobs", "0"])
        } throws: { error in
            RunCommand.exitCode(for: error) == .validationFailure
                && RunCommand.message(for: error) == "--jobs must be at least 1, got 0"
        }
    }

    /// A bad duration is the scheduler's own typed error, shown as its message (exit status 1,
    /// as every typed user error).
    @Test(arguments: [("--time-budget", "tomorrow"), ("--grace", "-"), ("--grace", "5 minutes")])
    func badDurationsAreRefusedWithTheSchedulerError(option: String, value: String) throws {
        let expected = try #require(durationError(value, option: option))
        guard case .invalidOption(option, value, _) = expected else {
            Issue.record("expected invalidOption(\(option), \(value)), got \(expected)")
            return
        }
        #expect {
            try RunCommand.parse(["s.yaml", option, value])
        } throws: { error in
            RunCommand.exitCode(for: error) == .failure
                && RunCommand.message(for: error) == expected.description
        }
    }

    private func durationError(_ text: String, option: String) -> SchedulerError? {
        do {
            _ = try SchedulerOptions.seconds(text, option: option)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBadValueIsNamed() {
        do {
            _ = try RunCommand.parse(["s.yaml", "--time-budget", "tomorrow"])
            Issue.record("parsed a bad budget")
        } catch {
            let message = RunCommand.message(for: error)
            #expect(message.contains("--time-budget"))
            #expect(message.contains("tomorrow"))
        }
    }

    /// Durations past a year (which would overflow the scheduler's clock) are refused while the
    /// options are parsed, before any database is touched, naming the option and the value.
    @Test(arguments: ["--grace", "--time-budget"], ["1e19", "1e300", "366d"])
    func durationsPastAYearAreRefused(option: String, value: String) {
        do {
            _ = try RunCommand.parse(["s.yaml", option, value])
            Issue.record("parsed \(option) \(value)")
        } catch {
            #expect(
                RunCommand.message(for: error)
                    == "\(option) '\(value)': must be at most 365d (31536000 seconds)")
        }
    }

    @Test func workerTakesTheTrialKey() throws {
        let command = try WorkerCommand.parse(["--trial", "abc"])
        #expect(command.trial == "abc")
        #expect(command.config == nil)
        #expect(WorkerCommand.configuration.shouldDisplay == false)
    }

    @Test func benchOrchestratorTakesAListOfJobs() throws {
        let command = try BenchOrchestratorCommand.parse(["--trials", "4", "--jobs", "1, 2,4"])
        #expect(command.trials == 4)
        for jobs in ["1,0", "x", ""] {
            #expect {
                try BenchOrchestratorCommand.parse(["--jobs", jobs])
            } throws: { error in
                BenchOrchestratorCommand.exitCode(for: error) == .validationFailure
                    && BenchOrchestratorCommand.message(for: error)
                        == "--jobs must list values ≥ 1 such as 1,2,4; got '\(jobs)'"
            }
        }
    }
}
