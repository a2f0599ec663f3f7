/// Why `sweep-cli slurm` cannot write or submit a job array; each case names the option or
/// program at fault and the value it refused.
public enum SlurmError: Error, Sendable, Equatable {
    /// An option has a value sbatch would refuse or misread.
    case invalidOption(name: String, value: String, reason: String)
    /// `--db` names a store the array's agents cannot share.
    case notSharedStore(database: String)
    /// `sbatch` is not on `PATH`.
    case sbatchMissing(script: String)
    /// `sbatch` ran and refused the script, or printed no job id.
    case sbatchRefused(script: String, status: Int32, message: String)
    /// The script file could not be written.
    case cannotWrite(path: String, reason: String)
}

extension SlurmError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidOption(let name, let value, let reason):
            "\(name) '\(value)': \(reason)"
        case .notSharedStore(let database):
            "--db '\(database)': a job array's agents run on the cluster's nodes and must share "
                + "one store; pass a PostgreSQL server the nodes reach, "
                + "--db postgres://USER@HOST[:PORT]/DATABASE (SQLite files are for the agents "
                + "of one machine: its locks are not safe on the network disks nodes share)"
        case .sbatchMissing(let script):
            "sbatch is not on PATH (is this a Slurm login node?); the script is written: "
                + "submit it with `sbatch \(script)` where Slurm runs"
        case .sbatchRefused(let script, let status, let message):
            "sbatch refused \(script) (exit status \(status)): \(message)"
        case .cannotWrite(let path, let reason):
            "cannot write the batch script \(path): \(reason)"
        }
    }
}
