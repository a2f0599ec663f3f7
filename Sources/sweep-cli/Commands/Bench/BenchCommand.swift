import ArgumentParser

/// `sweep-cli bench …`: the performance benchmarks (never part of the tests).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: trainer throughput, evaluator speed, orchestrator overhead, ASHA.",
        subcommands: [
            BenchTrainerCommand.self,
            BenchEvalCommand.self,
            BenchOrchestratorCommand.self,
            BenchASHACommand.self,
            BenchSearchCommand.self,
            BenchReportCommand.self,
            BenchImportanceCommand.self,
            BenchClaimsCommand.self,
            BenchDatasetCommand.self,
        ]
    )
}
