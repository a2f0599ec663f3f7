import Trainer

extension EarlyStopSpec {
    /// The rule this spec describes, for trials of `maxEpochs` epochs (the sweep's
    /// `trainer.epochs`), judging values of `objective`: neither rule decides at or after the
    /// last epoch.
    public func makeRule(
        maxEpochs: Int, objective: Objective = .default
    ) -> any EarlyStopRule {
        switch kind {
        case .asha:
            var rule = ASHARule(
                minEpochs: minEpochs, reductionFactor: reductionFactor, maxEpochs: maxEpochs)
            rule.objective = objective
            return rule
        case .median:
            var rule = MedianStoppingRule(minEpochs: minEpochs, maxEpochs: maxEpochs)
            rule.objective = objective
            return rule
        }
    }
}
