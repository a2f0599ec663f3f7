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

    @Test func aProcessThatIsNotOurWorkerIsLeftAlone() {
        let me = getpid()
        #expect(!LeftoverWorkers.isWorker(pid: me, keys: ["anything"]))
        #expect(LeftoverWorkers.terminate(pids: [me, 999_999_999], keys: ["anything"]).isEmpty)
    }
}
