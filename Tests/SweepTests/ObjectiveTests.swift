import Testing
import Trainer

@testable import Sweep

/// What ranks trials: a metric, its goal, and the score everything compares.
@Suite struct ObjectiveTests {
    @Test func aDetectionMetricIsDefinedFromZeroAndAReportedOneWhenFinite() {
        let apSmall = Objective(.apSmall)
        #expect(apSmall.isDefined(0) && !apSmall.isDefined(-1) && !apSmall.isDefined(.nan))
        let reward = Objective(name: "reward")
        #expect(reward.isDefined(-3) && !reward.isDefined(.nan) && !reward.isDefined(.infinity))
    }

    @Test func theScoreIsHigherForBetterValues() {
        let valLoss = Objective(name: "val_loss", goal: .minimize)
        #expect(valLoss.score(0.2) == -0.2)
        #expect(valLoss.score(.nan) == nil)
        #expect(valLoss.oriented(valLoss.oriented(0.7)) == 0.7)
        #expect(valLoss.isBetter(0.1, than: 0.2))
        #expect(!valLoss.isBetter(0.2, than: 0.1))
        #expect(valLoss.isBetter(5, than: .nan))
        #expect(!valLoss.isBetter(.nan, than: 5))
        #expect(Objective.default.isBetter(0.3, than: 0.2))
        #expect(Objective.default.isBetter(0, than: -1))
    }

    @Test func valuesComeFromTheDetectionMetricsOrTheReportedOnes() {
        var metrics = StoreFixtures.metrics(apSmall: 0.4)
        metrics.reported = ["val_loss": 0.3]
        #expect(metrics[Objective(.apSmall)] == 0.4)
        #expect(metrics[Objective(name: "val_loss", goal: .minimize)] == 0.3)
        #expect(metrics[Objective(name: "val_acc")].isNaN)
        #expect(Objective(name: "val_acc").objectiveValue(metrics) == nil)
        #expect(Objective(.apSmall).label == "ap_small")
        #expect(Objective(name: "val_loss", goal: .minimize).label == "val_loss (minimised)")
    }
}
