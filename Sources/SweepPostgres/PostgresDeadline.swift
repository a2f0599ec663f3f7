import Foundation
import PostgresNIO

/// A statement that got no answer within ``PostgresDeadline/seconds``: the connection is
/// treated as lost (closed, reopened with back-off, the transaction run again).
///
/// Why: a connection the server dropped during a restart can leave a query's future pending
/// with nothing left to complete it (the event loop idle, the socket never readable), and an
/// agent blocked on it would hang for ever instead of reconnecting.
struct PostgresDeadlineExceeded: Error, CustomStringConvertible {
    let seconds: Int64

    var description: String { "no answer from the server within \(seconds) s" }
}

enum PostgresDeadline {
    /// Longest wait for one statement. Statements here take milliseconds; the longest waits are
    /// for another agent's short transaction holding a row lock.
    static let seconds: Int64 = 30
}

extension EventLoopFuture where Value: Sendable {
    /// The future's value, waited for at most `seconds`; past that it throws
    /// ``PostgresDeadlineExceeded``.
    func wait(deadline seconds: Int64) throws -> Value {
        let promise = eventLoop.makePromise(of: Value.self)
        let settled = FirstCompletion()
        let timeout = eventLoop.scheduleTask(in: .seconds(seconds)) {
            if settled.claim() {
                promise.fail(PostgresDeadlineExceeded(seconds: seconds))
            }
        }
        whenComplete { result in
            timeout.cancel()
            if settled.claim() {
                promise.completeWith(result)
            }
        }
        return try promise.futureResult.wait()
    }
}

/// Lets only the first of the answer and the deadline complete the promise.
private final class FirstCompletion: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return false }
        done = true
        return true
    }
}
