import Foundation
import Testing

@testable import Sweep

@Suite struct WorkerTimelineTests {
    @Test func overlappingTrialsTakeTheLowestFreeSlot() {
        let trials = [
            ReportFixtures.record(0, start: 0, end: 10),
            ReportFixtures.record(1, start: 1, end: 5),
            ReportFixtures.record(2, start: 6, end: 9),
            ReportFixtures.record(3, start: 11, end: 12),
            ReportFixtures.record(4, state: .queued),
            ReportFixtures.record(5, state: .running, start: 7),
        ]
        let timeline = WorkerTimeline(
            trials: trials, now: ReportFixtures.origin.addingTimeInterval(20))
        #expect(timeline.slots == 3)
        let slots = Dictionary(uniqueKeysWithValues: timeline.bars.map { ($0.trial, $0.slot) })
        #expect(slots == [0: 0, 1: 1, 2: 1, 5: 2, 3: 0])
        #expect(timeline.bars.first { $0.trial == 5 }?.end == 20)
    }

    @Test func noStartedTrialGivesNoRows() {
        let timeline = WorkerTimeline(
            trials: [ReportFixtures.record(0, state: .queued)], now: Date())
        #expect(timeline.slots == 0 && timeline.bars.isEmpty)
    }
}
