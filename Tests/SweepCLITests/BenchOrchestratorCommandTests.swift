import Testing

@testable import Sweep
@testable import sweep_cli

@Suite struct BenchOrchestratorCommandTests {
    @Test func aStaticWorkerIsNamedWithoutAHint() {
        let line = BenchOrchestratorCommand.workerLine("/bin/sweep-cli", linkage: .static)
        #expect(line == "worker: /bin/sweep-cli (Swift runtime: static)")
    }

    @Test func aSharedWorkerGetsTheBuildHint() {
        let line = BenchOrchestratorCommand.workerLine("/bin/sweep-cli", linkage: .shared)
        #expect(line.hasPrefix("worker: /bin/sweep-cli (Swift runtime: shared)\nnote: "))
        #expect(line.contains("--static-swift-stdlib"))
    }

    @Test(arguments: [
        (["--trials", "0"], "--trials must be at least 1"),
        (["--jobs", "1,x"], "--jobs must list values"),
        (["--epochs", "-1"], "--epochs must be at least 0"),
    ])
    func rejectsBadOptions(arguments: [String], message: String) {
        #expect {
            try BenchOrchestratorCommand.parse(arguments)
        } throws: { error in
            BenchOrchestratorCommand.message(for: error).contains(message)
        }
    }
}
