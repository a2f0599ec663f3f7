import Testing

@testable import Sweep

@Suite struct ParetoFrontTests {
    @Test func keepsTheTrialsNoOtherBeatsOnBothAxes() {
        let points = [
            ReportFixtures.point(0, objective: 0.30, seconds: 50),
            ReportFixtures.point(1, objective: 0.10, seconds: 5),
            ReportFixtures.point(2, objective: 0.20, seconds: 20),
            ReportFixtures.point(3, objective: 0.15, seconds: 30),  // beaten by trial 2
            ReportFixtures.point(4, objective: 0.20, seconds: 20),  // equal to trial 2
            ReportFixtures.point(5, objective: 0.40, seconds: nil),  // no seconds
            ReportFixtures.point(6, objective: 0.50, seconds: 1, state: .pruned),
        ]
        #expect(ParetoFront.front(points).map(\.trial) == [1, 2, 0])
    }

    @Test func anEmptySweepHasAnEmptyFront() {
        #expect(ParetoFront.front([ObjectivePoint]()).isEmpty)
    }
}
