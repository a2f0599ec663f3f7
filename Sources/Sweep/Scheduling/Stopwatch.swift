/// Time elapsed since it was made, read from any clock counting in `Duration` (the scheduler's
/// injected clock), without the caller handling the clock's instant type.
struct Stopwatch: Sendable {
    private let read: @Sendable () -> Duration

    /// Starts now on `clock`.
    init(_ clock: any Clock<Duration>) {
        read = Self.reader(clock)
    }

    private static func reader<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// Seconds since the stopwatch was made.
    var seconds: Double { read() / .seconds(1) }
}
