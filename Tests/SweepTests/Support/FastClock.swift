import Foundation

/// A clock that runs `speed` times faster than the real one: a scheduler given it measures and
/// sleeps in its time, so minutes of grace or timeout pass in a fraction of a second.
struct FastClock: Clock {
    struct Instant: InstantProtocol {
        /// Time since the clock was made, in the clock's (fast) time.
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    let speed: Int
    private let start = ContinuousClock.now

    init(speed: Int) { self.speed = speed }

    var now: Instant { Instant(offset: (ContinuousClock.now - start) * speed) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let remaining = now.duration(to: deadline) / speed
        if remaining > .zero {
            try await Task.sleep(for: remaining)
        }
    }
}
