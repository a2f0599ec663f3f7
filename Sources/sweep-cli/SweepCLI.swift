import ArgumentParser

/// `sweep-cli`: hyperparameter sweeps for small-object detectors.
@main
struct SweepCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep-cli",
        abstract: "Hyperparameter sweeps for small-object detectors, ranked by small-object mAP.",
        subcommands: [
            RunCommand.self,
            AgentCommand.self,
            SlurmCommand.self,
            ValidateCommand.self,
            TopCommand.self,
            ExportCommand.self,
            StatusCommand.self,
            ListCommand.self,
            ReportCommand.self,
            ImportanceCommand.self,
            AdviseCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            DatasetCommand.self,
            BenchCommand.self,
            WorkerCommand.self,
        ]
    )
}
