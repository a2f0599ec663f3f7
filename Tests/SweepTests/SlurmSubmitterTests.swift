import Foundation
import Sweep
import Testing

/// `sbatch` found on PATH and run on the script: its job id, or why it could not submit.
struct SlurmSubmitterTests {
    static let fakes = SpecTestPaths.testsFolder.appendingPathComponent("Fixtures/slurm").path

    /// A PATH whose `sbatch` is the fixture `name` (a folder of fake sbatch programs).
    static func submitter(_ name: String?) -> SlurmSubmitter {
        var environment = ["PATH": "/nonexistent"]
        if let name { environment["PATH"] = fakes + "/" + name + ":/usr/bin:/bin" }
        environment["PGPASSWORD"] = "s3cret"
        return SlurmSubmitter(environment: environment)
    }

    @Test func theJobIdIsWhatSbatchPrints() throws {
        // The fake prints `4242;cluster` when it got --parsable, the script and PGPASSWORD.
        #expect(try Self.submitter("accepts").submit(script: "/tmp/job.sbatch") == "4242")
    }

    @Test func aMissingSbatchSaysSo() {
        #expect(throws: SlurmError.sbatchMissing(script: "/tmp/job.sbatch")) {
            try Self.submitter(nil).submit(script: "/tmp/job.sbatch")
        }
    }

    @Test func aRefusalCarriesSbatchsMessageAndStatus() {
        #expect(
            throws: SlurmError.sbatchRefused(
                script: "/tmp/job.sbatch", status: 1,
                message: "sbatch: error: invalid partition specified: nope")
        ) {
            try Self.submitter("refuses").submit(script: "/tmp/job.sbatch")
        }
    }
}
