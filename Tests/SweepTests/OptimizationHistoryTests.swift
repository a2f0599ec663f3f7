import Foundation
import Testing

@testable import Sweep

@Suite struct OptimizationHistoryTests {
    @Test func bestSoFarFollowsPlanOrderAndEndOrder() {
        var points = [
            ReportFixtures.point(0, objective: 0.2),
            ReportFixtures.point(1, objective: 0.1),
            ReportFixtures.point(2, objective: 0.3),
        ]
        let start = ReportFixtures.origin
        points[0].endedAt = start.addingTimeInterval(30)
        points[1].endedAt = start.addingTimeInterval(10)
        points[2].endedAt = start.addingTimeInterval(20)
        let history = OptimizationHistory(points: points, start: start)
        #expect(history.byTrial.map(\.best) == [0.2, 0.2, 0.3])
        #expect(history.byTime.map(\.trial) == [1, 2, 0])
        #expect(history.byTime.map(\.best) == [0.1, 0.3, 0.3])
        #expect(history.byTime.map(\.elapsed) == [10, 20, 30])
    }
}
