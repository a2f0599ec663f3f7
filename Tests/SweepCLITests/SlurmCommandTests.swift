import Foundation
import Sweep
import Testing
import Trainer

/// `sweep-cli slurm`: the script it writes, the stores it refuses, and (with
/// `SWEEP_TEST_SLURM=1`, a running cluster and the test PostgreSQL) a real job array of agents
/// running a tiny sweep to its end.
@Suite(.serialized) struct SlurmCommandTests {
    /// A 12-trial grid of one-epoch real trials on tiny synthetic images.
    static func writeSweep(name: String, in folder: String) throws -> String {
        let file = folder + "/\(name).yaml"
        let rates = (1...12).map { "0.0\($0 < 10 ? "0" : "")\($0)" }.joined(separator: ", ")
        try """
        name: \(name)
        method: grid
        seed: 5
        parameters:
          lr: {values: [\(rates)]}
        trainer:
          epochs: 1
          batch_size: 8
          data:
            synthetic: {image_size: 32, train_images: 8, val_images: 4, seed: 11}
        trial_timeout: 5m
        max_retries: 0

        """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func theScriptRunsThisBinaryAndHoldsNoPassword() throws {
        try AgentScene.with(.sqlite, name: "slurmscript", trials: 1) { scene in
            let out = scene.folder + "/array.sbatch"
            let db = "postgres://me:s3cret@db.example:6543/sweeps"
            let status = try CLIRun.run(
                [
                    "slurm", scene.sweepFile, "--db", db, "--array", "4", "--cpus-per-task", "2",
                    "--time", "00:30:00", "--out", out,
                ], log: scene.folder + "/log")
            #expect(status == 0, "\(scene.log("log"))")
            let script = try String(contentsOfFile: out, encoding: .utf8)
            #expect(script.contains("#SBATCH --job-name=slurmscript\n"))
            #expect(script.contains("#SBATCH --array=1-4\n"))
            #expect(script.contains("#SBATCH --output=\(scene.folder)/slurmscript-%A_%a.log\n"))
            let cache = FileManager.default.currentDirectoryPath + "/" + DatasetCache.defaultFolder
            #expect(
                script.contains(
                    "exec '\(try CLIRun.binary())' 'agent' '\(scene.sweepFile)' '--db' "
                        + "'postgres://me@db.example:6543/sweeps' '--jobs' '2' '--cache' "
                        + "'\(cache)'\n"))
            #expect(!script.contains("s3cret"))
            #expect(!scene.log("log").contains("s3cret"))
            #expect(scene.log("log").contains("export PGPASSWORD"))
        }
    }

    @Test(arguments: [
        (["--db", "sweeps.sqlite", "--array", "2"], "a job array's agents run on the cluster"),
        (["--db", "postgres://me:pw@db/s", "--array", "0"], "--array '0'"),
        (["--db", "postgres://me:pw@db/s", "--array", "2", "--time", "90:00"], "--time '90:00'"),
        (["--db", "postgres://me:pw@/s", "--array", "2"], "no HOST"),
    ])
    func badOptionsFailWithAClearErrorAndWriteNothing(options: [String], message: String) throws {
        try AgentScene.with(.sqlite, name: "slurmbad", trials: 1) { scene in
            let out = scene.folder + "/array.sbatch"
            let status = try CLIRun.run(
                ["slurm", scene.sweepFile, "--out", out] + options, log: scene.folder + "/log")
            #expect(status != 0)
            #expect(scene.log("log").contains(message), "\(scene.log("log"))")
            #expect(!scene.log("log").contains("pw@"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    /// A device given as `--out` is written in place, never replaced by a regular file.
    @Test func aFullDeviceIsAClearErrorAndStaysADevice() throws {
        try AgentScene.with(.sqlite, name: "slurmfull", trials: 1) { scene in
            let status = try CLIRun.run(
                [
                    "slurm", scene.sweepFile, "--db", "postgres://me@db/s", "--array", "2",
                    "--out", "/dev/full",
                ], log: scene.folder + "/log")
            #expect(status == 1)
            #expect(
                scene.log("log").contains(
                    "cannot write the batch script /dev/full: No space left on device"),
                "\(scene.log("log"))")
            let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type]
            #expect(type as? FileAttributeType == .typeCharacterSpecial)
        }
    }

    @Test func aBadSweepFileIsReportedWithItsLine() throws {
        try AgentScene.with(.sqlite, name: "slurmfile", trials: 1) { scene in
            let file = scene.folder + "/bad.yaml"
            try "name: bad\nmethod: sideways\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            let status = try CLIRun.run(
                ["slurm", file, "--db", "postgres://me@db/s", "--array", "2"],
                log: scene.folder + "/log")
            #expect(status != 0)
            #expect(scene.log("log").contains("\(file):2"), "\(scene.log("log"))")
        }
    }

    /// 12 trials, a 3-task array: every trial stored once and completed, each task's log ending
    /// with its agent's summary.
    @Test func aJobArrayOfThreeAgentsRunsEveryTrialOnce() throws {
        guard try SlurmCluster.usable() else { return }
        try AgentScene.with(.postgres, name: "slurmarray", trials: 1) { scene in
            let sweepFile = try Self.writeSweep(name: "slurmarray", in: scene.folder)
            let out = scene.folder + "/array.sbatch"
            let status = try CLIRun.run(
                ["slurm", sweepFile, "--db", scene.db, "--array", "3", "--out", out, "--submit"],
                log: scene.folder + "/submit")
            let submitted = scene.log("submit")
            #expect(status == 0, "\(submitted)")
            let id = try #require(
                submitted.split(separator: "\n").last.map(String.init), "\(submitted)")
            try #require(!id.isEmpty && id.allSatisfy(\.isNumber), "\(submitted)")
            // A generous guard: the array normally ends within a few minutes on 2 cores.
            try #require(
                try SlurmCluster.waitUntilDone(job: id, seconds: 1_200),
                "job array \(id) still queued or running")
            let census = try scene.census()
            #expect(census.states == [.completed: 12])
            #expect(census.attempts.count == 12)
            #expect(census.attempts.values.allSatisfy { $0 == 1 })
            let logs = (1...3).map { scene.log("slurmarray-\(id)_\($0).log") }
            #expect(logs.allSatisfy { $0.contains("sweep finished") }, "\(logs)")
            let ran = logs.compactMap { log in
                log.split(separator: "\n").last { $0.contains(" trials here") }
                    .flatMap { Int($0.split(separator: " ")[2]) }
            }
            #expect(ran.count == 3 && ran.reduce(0, +) == 12, "\(logs)")
        }
    }
}

/// The Slurm cluster the end-to-end test submits to (`scripts/local-slurm.sh`, `SLURM_CONF`).
enum SlurmCluster {
    /// Whether the end-to-end test can run: it is cancelled (reported as not run) without
    /// `SWEEP_TEST_SLURM=1`, and fails where `SWEEP_REQUIRE_SLURM=1` but `sinfo` cannot reach a
    /// cluster.
    static func usable() throws -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let required = environment["SWEEP_REQUIRE_SLURM"] == "1"
        guard environment["SWEEP_TEST_SLURM"] == "1" || required else {
            try Test.cancel("Slurm job array not tested: SWEEP_TEST_SLURM is not set")
        }
        let (status, output) = try command(["sinfo", "--noheader"])
        guard status == 0 else {
            let reason = "Slurm is not usable (sinfo: \(output))"
            guard required else { try Test.cancel(Comment(rawValue: reason)) }
            Issue.record("\(reason), but SWEEP_REQUIRE_SLURM=1")
            return false
        }
        return true
    }

    /// Polls `squeue` every half second for up to `seconds`; true once `job` is neither queued
    /// nor running (squeue lists it no more, or no longer knows it).
    static func waitUntilDone(job: String, seconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let (status, output) = try command([
                "squeue", "--noheader", "--job", job, "--format=%i",
            ])
            let listed = output.trimmingCharacters(in: .whitespacesAndNewlines)
            if (status == 0 && listed.isEmpty) || output.contains("Invalid job id") { return true }
            usleep(500_000)
        } while Date() < deadline
        return false
    }

    /// Runs `argv` (found on PATH); its exit status and output.
    static func command(_ argv: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
