import Testing

@testable import Sweep

@Suite struct RankingTests {
    @Test func ordersByAPSmallThenAP50SmallThenAPThenIndex() {
        let trials = [
            StoreFixtures.record(0, apSmall: 0.2, ap50Small: 0.4, ap: 0.3),
            StoreFixtures.record(1, apSmall: 0.3, ap50Small: 0.1, ap: 0.1),
            StoreFixtures.record(2, apSmall: 0.2, ap50Small: 0.5, ap: 0.1),
            StoreFixtures.record(3, apSmall: 0.2, ap50Small: 0.4, ap: 0.35),
            StoreFixtures.record(4, apSmall: 0.2, ap50Small: 0.4, ap: 0.3),
        ]
        let ranked = Ranking.rank(trials)
        #expect(ranked.map(\.trial.index) == [1, 2, 3, 0, 4])
        #expect(ranked.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(Ranking.rank(trials.reversed()).map(\.trial.index) == [1, 2, 3, 0, 4])
    }

    @Test func undefinedMetricsSortLast() {
        let trials = [
            StoreFixtures.record(0, apSmall: -1, ap50Small: 0.9, ap: 0.9),
            StoreFixtures.record(1, apSmall: 0, ap50Small: -1, ap: 0.1),
            StoreFixtures.record(2, apSmall: .nan, ap50Small: 0.9, ap: 0.95),
            StoreFixtures.record(3, apSmall: 0, ap50Small: 0.0, ap: -1),
            StoreFixtures.record(4, apSmall: 0.01, ap50Small: 0.2, ap: 0.2),
        ]
        // 4 is best; 3 and 1 tie on ap_small 0, 3 has a defined ap50_small; 2 and 0 are undefined
        // on ap_small and tie on ap50_small, 2 wins on ap.
        #expect(Ranking.rank(trials).map(\.trial.index) == [4, 3, 1, 2, 0])
    }

    @Test func onlyCompletedAndPrunedTrialsWithMetricsAreRanked() {
        var noMetrics = StoreFixtures.record(5, apSmall: 0.9)
        noMetrics.metrics = nil
        let trials = [
            StoreFixtures.record(0, state: .diverged, apSmall: 0.9),
            StoreFixtures.record(1, state: .pruned, apSmall: 0.5),
            StoreFixtures.record(2, state: .failed, apSmall: 0.9),
            StoreFixtures.record(3, state: .completed, apSmall: 0.4),
            StoreFixtures.record(4, state: .running, apSmall: 0.9),
            noMetrics,
        ]
        let ranked = Ranking.rank(trials)
        #expect(ranked.map(\.trial.index) == [1, 3])
        #expect(ranked.map(\.isPruned) == [true, false])
    }

    @Test func precedesIsAStrictOrder() {
        let a = RankKey(apSmall: 0.1, ap50Small: 0.2, ap: 0.3, index: 1)
        #expect(!Ranking.precedes(a, a))
        let b = RankKey(apSmall: 0.1, ap50Small: 0.2, ap: 0.3, index: 2)
        #expect(Ranking.precedes(a, b))
        #expect(!Ranking.precedes(b, a))
    }
}
