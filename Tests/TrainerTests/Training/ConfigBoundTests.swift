import Testing

@testable import Trainer

@Suite struct ConfigBoundTests {
    @Test func wordsTheSideThatIsBroken() {
        let open = ConfigBound("x", 0, includesMinimum: false, 1, includesMaximum: false)
        #expect(open.violation(0) == "must be > 0")
        #expect(open.violation(1) == "must be < 1")
        #expect(open.violation(0.5) == nil)
        #expect(open.violation(Double.nan) == "must be finite")
        #expect(open.violation(-Double.infinity) == "must be finite")
        let closed = ConfigBound("n", 1, 1024, isInteger: true)
        #expect(closed.violation(1) == nil && closed.violation(1024) == nil)
        #expect(closed.violation(0) == "must be >= 1")
        #expect(closed.violation(1025) == "must be <= 1024")
        #expect(closed.range == ">= 1 and <= 1024")
        #expect(ConfigBound("f", 0.25, 0.5).violation(0.75) == "must be <= 0.5")
    }

    @Test func threadsAreBoundByTheCores() {
        #expect(TrainingBounds.threads(cores: 4).violation(4) == nil)
        #expect(TrainingBounds.threads(cores: 4).violation(5) == "must be <= 4")
        #expect(TrainingBounds.threads(cores: 0).violation(1) == nil)
    }
}
