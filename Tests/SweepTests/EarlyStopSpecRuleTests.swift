import Testing

@testable import Sweep

@Suite struct EarlyStopSpecRuleTests {
    @Test func makeRuleBuildsTheSpecsRule() throws {
        let asha = EarlyStopSpec(kind: .asha, minEpochs: 2, reductionFactor: 2)
        let rule = try #require(asha.makeRule(maxEpochs: 9) as? ASHARule)
        #expect(rule.rungs == [2, 4, 8])
        let spec = SweepSpec(
            name: "s", method: .grid, parameters: [:], trainer: .init(epochs: 5),
            earlyStop: EarlyStopSpec(kind: .median, minEpochs: 2))
        let median = try #require(spec.makeEarlyStopRule() as? MedianStoppingRule)
        #expect(median.minEpochs == 2)
        #expect(median.maxEpochs == 5)
        #expect(SweepSpec(name: "s", method: .grid, parameters: [:]).makeEarlyStopRule() == nil)
    }
}
