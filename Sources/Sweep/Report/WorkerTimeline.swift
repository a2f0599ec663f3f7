import Foundation

/// When each trial ran, laid out on worker slots: a trial takes the lowest slot free at its start.
public struct WorkerTimeline: Sendable, Equatable {
    /// One trial's run on a slot, in seconds from the sweep's first start.
    public struct Bar: Sendable, Equatable {
        public var slot: Int
        public var trial: Int
        public var start: Double
        public var end: Double
        public var state: TrialState
    }

    public var bars: [Bar]
    /// Number of slots used (the most trials that ran at once).
    public var slots: Int

    /// Lays out the trials with a start time; a running trial ends at `now`.
    public init(trials: [TrialRecord], now: Date) {
        let started = trials.compactMap { trial -> (TrialRecord, Date, Date)? in
            guard let start = trial.startedAt else { return nil }
            let end = trial.state == .running ? now : (trial.endedAt ?? start)
            return (trial, start, max(start, end))
        }.sorted { ($0.1, $0.0.index) < ($1.1, $1.0.index) }
        guard let origin = started.first?.1 else {
            bars = []
            slots = 0
            return
        }
        var freeAt: [Date] = []
        var bars: [Bar] = []
        for (trial, start, end) in started {
            let slot = freeAt.firstIndex { $0 <= start } ?? freeAt.count
            if slot == freeAt.count { freeAt.append(end) } else { freeAt[slot] = end }
            bars.append(
                Bar(
                    slot: slot, trial: trial.index, start: start.timeIntervalSince(origin),
                    end: end.timeIntervalSince(origin), state: trial.state))
        }
        self.bars = bars
        slots = freeAt.count
    }
}
