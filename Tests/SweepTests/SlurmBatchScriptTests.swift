import Sweep
import Testing

/// The sbatch script `sweep-cli slurm` writes, and the values it refuses.
struct SlurmBatchScriptTests {
    static func script(
        tasks: Int = 3, jobs: Int = 2, partition: String? = nil, time: String? = nil,
        memory: String? = nil, extra: [String] = [], logs: String = "/scratch/runs"
    ) throws(SlurmError) -> SlurmBatchScript {
        try SlurmBatchScript(
            sweepName: "tiny-grid", executable: "/opt/sweep/bin/sweep-cli",
            sweepFile: "/home/me/it's/tiny.yaml", database: "postgres://me@db:5432/sweep",
            tasks: tasks, jobsPerTask: jobs, partition: partition, timeLimit: time,
            memory: memory, extra: extra, logFolder: logs)
    }

    @Test func theScriptRunsOneAgentPerTaskWithTheSameBinaryAndFile() throws {
        let lines = try Self.script().text.split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/bash")
        let options = lines.filter { $0.hasPrefix("#SBATCH ") }
        #expect(
            options == [
                "#SBATCH --job-name=tiny-grid", "#SBATCH --array=1-3", "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=2", "#SBATCH --output=/scratch/runs/tiny-grid-%A_%a.log",
                "#SBATCH --export=ALL",
            ])
        #expect(
            lines.last
                == "exec '/opt/sweep/bin/sweep-cli' 'agent' '/home/me/it'\\''s/tiny.yaml' "
                + "'--db' 'postgres://me@db:5432/sweep' '--jobs' '2'")
    }

    @Test func optionalOptionsAndExtraLinesComeBeforeTheCommand() throws {
        let text = try Self.script(
            partition: "gpu", time: "1-02:30:00", memory: "4G",
            extra: ["#SBATCH --account=vision\n#SBATCH --qos=low"]
        ).text
        let lines = text.split(separator: "\n").map(String.init)
        let tail = Array(lines.drop { !$0.hasPrefix("#SBATCH --partition") })
        #expect(
            tail.prefix(5) == [
                "#SBATCH --partition=gpu", "#SBATCH --time=1-02:30:00", "#SBATCH --mem=4G",
                "#SBATCH --account=vision", "#SBATCH --qos=low",
            ])
        #expect(tail.dropFirst(5).first == "set -euo pipefail")
    }

    @Test func theAgentsGetTheDatasetCacheFolderWhenGiven() throws {
        let script = try SlurmBatchScript(
            sweepName: "tiny-grid", executable: "/opt/sweep/bin/sweep-cli",
            sweepFile: "/home/me/tiny.yaml", database: "postgres://me@db:5432/sweep", tasks: 2,
            logFolder: "/scratch/runs", datasetCache: "/scratch/my cache")
        let last = script.text.split(separator: "\n").last.map(String.init)
        #expect(
            last
                == "exec '/opt/sweep/bin/sweep-cli' 'agent' '/home/me/tiny.yaml' "
                + "'--db' 'postgres://me@db:5432/sweep' '--jobs' '1' '--cache' '/scratch/my cache'")
    }

    @Test func aPercentInTheLogFolderIsEscapedForSlurm() throws {
        #expect(try Self.script(logs: "/runs/100%").logPattern == "/runs/100%%/tiny-grid-%A_%a.log")
    }

    @Test(arguments: [
        ("--array", 0, 1), ("--cpus-per-task", 1, 0),
    ])
    func tooFewTasksOrCPUsAreRefused(option: String, tasks: Int, jobs: Int) {
        #expect {
            try Self.script(tasks: tasks, jobs: jobs)
        } throws: { error in
            guard case .invalidOption(let name, _, _) = error as? SlurmError else { return false }
            return name == option
        }
    }

    @Test(arguments: ["90:00", "1:60:00", "01:00:5", "x-01:00:00", "1-2-01:00:00", "", "a:bc:de"])
    func badTimeLimitsAreRefused(time: String) {
        #expect(
            throws: SlurmError.invalidOption(
                name: "--time", value: time,
                reason:
                    "expected HH:MM:SS or D-HH:MM:SS (minutes and seconds below 60), e.g. 02:00:00"
            )
        ) {
            try Self.script(time: time)
        }
    }

    @Test(arguments: ["00:10:00", "100:59:59", "2-00:00:00"])
    func goodTimeLimitsAreKept(time: String) throws {
        #expect(try Self.script(time: time).text.contains("#SBATCH --time=\(time)\n"))
    }

    @Test(arguments: [
        ("--mem", "4GB"), ("--mem", "G"), ("--partition", "a b"), ("--partition", "-x"),
        ("--extra", "--qos=low"), ("--out", "/my runs"),
    ])
    func valuesSbatchWouldMisreadAreRefusedNamingTheOption(option: String, value: String) {
        #expect {
            switch option {
            case "--mem": try Self.script(memory: value)
            case "--partition": try Self.script(partition: value)
            case "--extra": try Self.script(extra: [value])
            default: try Self.script(logs: value)
            }
        } throws: { error in
            guard case .invalidOption(let name, let shown, _) = error as? SlurmError else {
                return false
            }
            return name == option && shown == value
        }
    }

    @Test func anSQLiteStoreIsRefusedWithTheReason() {
        let message = SlurmError.notSharedStore(database: "sweeps.sqlite").description
        #expect(message.contains("'sweeps.sqlite'"))
        #expect(message.contains("postgres://"))
    }
}
