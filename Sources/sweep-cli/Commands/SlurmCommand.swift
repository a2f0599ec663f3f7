import ArgumentParser
import Foundation
import Sweep
import SweepPostgres

/// `sweep-cli slurm SWEEP_FILE --db postgres://… --array N`: a Slurm job array of agents.
struct SlurmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write (and submit) a Slurm job array whose tasks run `sweep-cli agent`.",
        discussion: """
            Writes an sbatch script for a job array of --array tasks, each running this \
            sweep-cli's `agent` on the sweep file (absolute paths: every node must see them) \
            with --jobs set to --cpus-per-task. The job is named after the sweep; each task logs \
            to NAME-JOBID_TASK.log beside the script. --db must be a PostgreSQL server the nodes \
            reach. Its password is never written into the script: the tasks read PGPASSWORD or \
            ~/.pgpass, and sbatch passes the submitting environment on; with --submit a password \
            given in --db is handed to sbatch as PGPASSWORD. --submit checks the database, runs \
            sbatch and prints the job id. The agents prepare a YOLO dataset's cache in --cache, \
            written into the script as an absolute path (one cache for the array on a shared disk).
            """)

    @Argument(help: "The sweep file (YAML).")
    var sweepFile: String

    @Option(help: "The shared store: postgres://USER[:PASSWORD]@HOST[:PORT]/DB.")
    var db: String

    @Option(parsing: .unconditional, help: "Array tasks: agents to start.")
    var array: Int

    @Option(parsing: .unconditional, help: "CPUs per task, and trials each agent runs at once.")
    var cpusPerTask = 1

    @Option(help: "Slurm partition (default: the cluster's).")
    var partition: String?

    @Option(parsing: .unconditional, help: "Time limit per task, HH:MM:SS or D-HH:MM:SS.")
    var time: String?

    @Option(parsing: .unconditional, help: "Memory per task (e.g. 4G).")
    var mem: String?

    @Option(
        parsing: .unconditionalSingleValue,
        help: "A further '#SBATCH …' line for the script (repeatable).")
    var extra: [String] = []

    @Option(help: "The script to write (default: NAME.sbatch in the current folder).")
    var out: String?

    @OptionGroup var datasetCache: DatasetCacheOption

    @Flag(help: "Submit the script with sbatch and print the job id.")
    var submit = false

    func run() async throws {
        let spec = try SweepSpec.load(path: sweepFile)
        guard PostgresURL.isURL(db) else { throw SlurmError.notSharedStore(database: db) }
        let url = try PostgresURL(db)
        let scriptPath = Self.absolute(out ?? "\(spec.name).sbatch")
        let script = try SlurmBatchScript(
            sweepName: spec.name, executable: WorkerLauncher.currentExecutable().executable,
            sweepFile: Self.absolute(sweepFile), database: url.description, tasks: array,
            jobsPerTask: cpusPerTask, partition: partition, timeLimit: time, memory: mem,
            extra: extra,
            logFolder: URL(fileURLWithPath: scriptPath).deletingLastPathComponent().path,
            datasetCache: Self.absolute(datasetCache.cache))
        do {
            try ExportFile.write(script.text, to: scriptPath)
        } catch {
            throw SlurmError.cannotWrite(path: scriptPath, reason: error.reason)
        }
        print(
            "wrote \(scriptPath): \(array) agents of sweep '\(spec.name)', --jobs \(cpusPerTask) "
                + "each; logs \(script.logPattern)")
        guard submit else {
            if url.password != nil {
                print(
                    "the password in --db is not in the script: export PGPASSWORD before "
                        + "`sbatch \(scriptPath)`")
            }
            return
        }
        try StoreOpener.writable(db).close()
        var environment = ProcessInfo.processInfo.environment
        if let password = url.password { environment["PGPASSWORD"] = password }
        let id = try SlurmSubmitter(environment: environment).submit(script: scriptPath)
        print("submitted job array \(id); watch it with `squeue --job \(id)`")
        print(id)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
