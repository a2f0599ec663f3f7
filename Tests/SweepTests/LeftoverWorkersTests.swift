import Foundation
import Testing

@testable import Sweep

/// Killing the workers a dead orchestrator left behind, and only those.
@Suite struct LeftoverWorkersTests {
    @Test func aLeftoverWorkerAndItsChildrenAreKilled() async throws {
        let worker = try WorkerProcess.spawn(
            argv: SchedulerFixtures.worker("hang").argv(trialKey: "k-leftover"),
            environment: ["PATH": "/usr/bin:/bin"], input: Data("{}".utf8))
        var ended: WorkerExit?
        for await output in worker.output {
            switch output {
            case .line:
                // The worker runs (it printed its epoch): now it is a leftover to kill.
                #expect(LeftoverWorkers.isWorker(pid: worker.pid, keys: ["k-leftover"]))
                #expect(!LeftoverWorkers.isWorker(pid: worker.pid, keys: ["another-key"]))
                let killed = LeftoverWorkers.terminate(pids: [worker.pid], keys: ["k-leftover"])
                #expect(killed == [worker.pid])
            case .exit(let exit, _):
                ended = exit
            }
        }
        #expect(ended == .signaled(SIGKILL))
    }

    /// Workers found by their run's id, even with no pid stored: only that run's are killed.
    @Test func theWorkersOfOneRunIDAreKilledAndOthersAreNot() async throws {
        func start(runID: String) async throws
            -> (WorkerProcess, AsyncStream<WorkerOutput>.Iterator)
        {
            let worker = try WorkerProcess.spawn(
                argv: SchedulerFixtures.worker("hang").argv(trialKey: "k-\(runID)"),
                environment: ["PATH": "/usr/bin:/bin", LeftoverWorkers.runIDVariable: runID],
                input: Data("{}".utf8))
            var output = worker.output.makeAsyncIterator()
            guard case .line = await output.next() else {
                throw CancellationError()
            }
            return (worker, output)
        }
        let runA = "run-a-\(UUID().uuidString)"
        let runB = "run-b-\(UUID().uuidString)"
        var (workerA, outputA) = try await start(runID: runA)
        var (workerB, outputB) = try await start(runID: runB)

        let killed = LeftoverWorkers.terminate(runID: runA)
        #expect(killed.contains(workerA.pid) && !killed.contains(workerB.pid))
        #expect(await Self.exit(of: &outputA) == .signaled(SIGKILL))
        #expect(LeftoverWorkers.commandLine(of: workerB.pid) != nil, "the other run's worker lives")

        #expect(LeftoverWorkers.terminate(runID: runB).contains(workerB.pid))
        #expect(await Self.exit(of: &outputB) == .signaled(SIGKILL))
    }

    private static func exit(of output: inout AsyncStream<WorkerOutput>.Iterator) async
        -> WorkerExit?
    {
        while let next = await output.next() {
            if case .exit(let exit, _) = next { return exit }
        }
        return nil
    }

    @Test func aProcessThatIsNotOurWorkerIsLeftAlone() {
        let me = getpid()
        #expect(!LeftoverWorkers.isWorker(pid: me, keys: ["anything"]))
        #expect(LeftoverWorkers.terminate(pids: [me, 999_999_999], keys: ["anything"]).isEmpty)
    }
}
