import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT/SIGTERM/SIGHUP turned into calls of a handler instead of ending the process, so the
/// run can stop cleanly (the scheduler's ``Scheduler/requestStop()``); a closed terminal (SIGHUP)
/// drains like SIGTERM. Workers run in their own process
/// groups with default handlers, so a terminal's Ctrl-C reaches only the orchestrator.
/// (`@unchecked`: it only holds immutable references to dispatch sources, which are thread-safe.)
public final class StopSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    /// Ignores the default action of `signals` and calls `handler` on each delivery.
    public init(
        signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], handler: @escaping @Sendable (Int32) -> Void
    ) {
        self.signals = signals
        sources = signals.map { number in
            _ = signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Stops listening and restores the default actions.
    public func cancel() {
        for source in sources {
            source.cancel()
        }
        for number in signals {
            _ = signal(number, SIG_DFL)
        }
    }
}
