extension EarlyStopSpec {
    /// The rule this spec describes, for trials of `maxEpochs` epochs (the sweep's
    /// `trainer.epochs`): neither rule decides at or after the last epoch.
    public func makeRule(maxEpochs: Int) -> any EarlyStopRule {
        switch kind {
        case .asha:
            ASHARule(minEpochs: minEpochs, reductionFactor: reductionFactor, maxEpochs: maxEpochs)
        case .median:
            MedianStoppingRule(minEpochs: minEpochs, maxEpochs: maxEpochs)
        }
    }
}
