/// The sbatch script of a Slurm job array whose every task runs one `sweep-cli agent` on a
/// shared store: `tasks` agents, each running `jobsPerTask` trials at once on as many CPUs.
///
/// The script names the job after the sweep, writes one log per array task
/// (`LOGS/NAME-%A_%a.log`: job id, task index) and runs the same `sweep-cli` binary on the same
/// sweep file (both absolute paths, so every node must see them at those paths). It never holds
/// a database password: the agents read it from `PGPASSWORD` or `~/.pgpass`, and sbatch passes
/// the submitting shell's environment to the tasks (`--export=ALL`).
public struct SlurmBatchScript: Sendable, Equatable {
    /// The sweep's name: the job name and the logs' prefix.
    public var sweepName: String
    /// Absolute path of `sweep-cli`.
    public var executable: String
    /// Absolute path of the sweep file.
    public var sweepFile: String
    /// The agents' `--db`, without a password.
    public var database: String
    /// Array tasks, one agent each.
    public var tasks: Int
    /// CPUs per task, and the agent's `--jobs`.
    public var jobsPerTask: Int
    /// `--partition`, when not the cluster's default.
    public var partition: String?
    /// `--time` limit per task, `[D-]HH:MM:SS`.
    public var timeLimit: String?
    /// `--mem` per task: a number with an optional K, M, G or T unit.
    public var memory: String?
    /// Further `#SBATCH …` lines, copied as given.
    public var extraLines: [String]
    /// Absolute folder of the per-task logs.
    public var logFolder: String
    /// The agents' `--cache`: the absolute dataset cache folder every task maps a YOLO dataset
    /// from (built by the first task that needs it), or `nil` for the agents' default.
    public var datasetCache: String?

    /// Checks every value against what sbatch accepts.
    /// - Throws: ``SlurmError/invalidOption(name:value:reason:)`` naming the option.
    public init(
        sweepName: String, executable: String, sweepFile: String, database: String, tasks: Int,
        jobsPerTask: Int = 1, partition: String? = nil, timeLimit: String? = nil,
        memory: String? = nil, extra: [String] = [], logFolder: String,
        datasetCache: String? = nil
    ) throws(SlurmError) {
        guard tasks >= 1 else {
            throw .invalidOption(
                name: "--array", value: "\(tasks)", reason: "a job array has at least 1 task")
        }
        guard jobsPerTask >= 1 else {
            throw .invalidOption(
                name: "--cpus-per-task", value: "\(jobsPerTask)", reason: "must be at least 1")
        }
        if let partition, partition.isEmpty || partition.hasPrefix("-") || !Self.isWord(partition) {
            throw .invalidOption(
                name: "--partition", value: partition,
                reason: "a partition name has no spaces, quotes or leading '-'")
        }
        if let timeLimit, !Self.isTimeLimit(timeLimit) {
            throw .invalidOption(
                name: "--time", value: timeLimit,
                reason: "expected HH:MM:SS or D-HH:MM:SS (minutes and seconds below 60), "
                    + "e.g. 02:00:00")
        }
        if let memory, !Self.isMemory(memory) {
            throw .invalidOption(
                name: "--mem", value: memory,
                reason: "expected a number with an optional unit K, M, G or T, e.g. 4G")
        }
        let lines = extra.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        for line in lines where !line.hasPrefix("#SBATCH ") {
            throw .invalidOption(
                name: "--extra", value: line, reason: "each line must start with '#SBATCH '")
        }
        guard Self.isWord(logFolder) else {
            throw .invalidOption(
                name: "--out", value: logFolder,
                reason: "the logs go in this folder, and an #SBATCH line cannot hold a path "
                    + "with spaces or quotes; write the script in another folder")
        }
        self.sweepName = sweepName
        self.executable = executable
        self.sweepFile = sweepFile
        self.database = database
        self.tasks = tasks
        self.jobsPerTask = jobsPerTask
        self.partition = partition
        self.timeLimit = timeLimit
        self.memory = memory
        self.extraLines = lines
        self.logFolder = logFolder
        self.datasetCache = datasetCache
    }

    /// The log of each array task, in sbatch's filename pattern (`%` doubled in the folder).
    public var logPattern: String {
        logFolder.replacingOccurrences(of: "%", with: "%%") + "/\(sweepName)-%A_%a.log"
    }

    /// The script's text.
    public var text: String {
        var options = [
            "--job-name=\(sweepName)",
            "--array=1-\(tasks)",
            "--ntasks=1",
            "--cpus-per-task=\(jobsPerTask)",
            "--output=\(logPattern)",
            "--export=ALL",
        ]
        if let partition { options.append("--partition=\(partition)") }
        if let timeLimit { options.append("--time=\(timeLimit)") }
        if let memory { options.append("--mem=\(memory)") }
        var arguments = [
            executable, "agent", sweepFile, "--db", database, "--jobs", "\(jobsPerTask)",
        ]
        if let datasetCache { arguments += ["--cache", datasetCache] }
        let command = arguments.map(Self.shellQuoted).joined(separator: " ")
        let lines =
            [
                "#!/bin/bash",
                "# Sweep '\(sweepName)': \(tasks) `sweep-cli agent` tasks sharing one store.",
                "# Written by `sweep-cli slurm`; submit with `sbatch`. The database password is",
                "# not in this file: export PGPASSWORD (or keep ~/.pgpass) where you submit it.",
            ] + options.map { "#SBATCH \($0)" } + extraLines + [
                "set -euo pipefail",
                "exec \(command)",
            ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` in single quotes for bash.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    private static func isWord(_ text: String) -> Bool {
        !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" }
    }

    /// `[D-]HH:MM:SS`: any hours, minutes and seconds of two digits below 60.
    static func isTimeLimit(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2, parts[0].isEmpty || !parts[0].allSatisfy(\.isASCIIDigit) {
            return false
        }
        let clock = (parts.last ?? "").split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return false }
        return clock.dropFirst().allSatisfy { $0.count == 2 && (Int($0) ?? 60) < 60 }
    }

    /// A number with an optional K, M, G or T unit.
    static func isMemory(_ text: String) -> Bool {
        var digits = Substring(text)
        if let unit = digits.last, "KMGT".contains(unit) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
