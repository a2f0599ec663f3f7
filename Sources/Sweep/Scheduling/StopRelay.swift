import Synchronization

/// Hands stop requests (signals) to the scheduler once it exists, and the ones that arrived
/// before to it as soon as it does, so a signal during start-up or shutdown still drains the run
/// instead of ending the process.
final class StopRelay: Sendable {
    private let state = Mutex<(scheduler: Scheduler?, pending: Int)>((nil, 0))

    /// Asks the scheduler to stop, or remembers the request until ``attach(_:)``.
    func request() {
        let scheduler = state.withLock { state -> Scheduler? in
            if state.scheduler == nil { state.pending += 1 }
            return state.scheduler
        }
        if let scheduler {
            Task { await scheduler.requestStop() }
        }
    }

    /// Sends every stop request from now on to `scheduler`, and the earlier ones now.
    func attach(_ scheduler: Scheduler) async {
        let pending = state.withLock { state -> Int in
            state.scheduler = scheduler
            defer { state.pending = 0 }
            return state.pending
        }
        for _ in 0..<pending {
            await scheduler.requestStop()
        }
    }
}
