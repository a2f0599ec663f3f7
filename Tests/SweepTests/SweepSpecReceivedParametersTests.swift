import Testing

@testable import Sweep

/// ``SweepSpec/receivedParameters``: what a trial's trainer is given, from a parsed file and
/// from a stored one whose folders are gone.
@Suite struct SweepSpecReceivedParametersTests {
    private func text(workdir: String) -> String {
        """
        name: received
        method: grid
        parameters:
          lr: {values: [0.1, 0.2]}
          loss: {values: [ce, focal]}
        trainer:
          command: [python3, train.py, --lr, "{lr}", --out, "{trial_dir}"]
          env: {LOSS: "{loss}"}
          workdir: \(workdir)
        """
    }

    @Test func theEmbeddedTrainerIsGivenEveryParameter() throws {
        let spec = try SweepSpec.parse(
            text: "name: e\nmethod: grid\nparameters:\n  lr: {values: [0.1]}\n", path: "e.yaml")
        #expect(spec.receivedParameters == Hyperparameter.builtIns)
    }

    @Test func aCommandIsGivenWhatItsPlaceholdersName() throws {
        let spec = try SweepSpec.parse(text: text(workdir: "/tmp"), path: "c.yaml")
        #expect(spec.receivedParameters == [.lr, .loss])
    }

    /// The stored text is read back without checking its folders: the workdir may be gone
    /// when `top` or `export` reads the sweep months later.
    @Test func aStoredFileIsReadBackWithoutItsFolders() {
        let stored = text(workdir: "/no/such/folder/anymore")
        #expect(StoredSweepFile(text: stored).receivedParameters == [.lr, .loss])
        #expect(StoredSweepFile(text: stored).runsCommand)
        let unreadable = StoredSweepFile(text: "not: [a sweep")
        #expect(unreadable.receivedParameters == Hyperparameter.builtIns)
        #expect(!unreadable.runsCommand)
        #expect(unreadable.objective == .default)
    }

    /// A W&B file takes its name from its file, which is not stored: it still reads back, with
    /// the program's own parameters.
    @Test func aStoredWandBFileWithoutANameReadsBack() {
        let stored = """
            program: train.py
            method: random
            run_cap: 3
            metric: {name: ap_small, goal: maximize}
            parameters:
              dropout: {values: [0.1, 0.5]}
              lr: {min: 0.001, max: 0.1}
            """
        #expect(
            StoredSweepFile(text: stored).receivedParameters == [.lr, .program("dropout")])
    }
}
