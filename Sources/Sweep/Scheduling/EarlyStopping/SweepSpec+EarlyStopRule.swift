extension SweepSpec {
    /// The sweep's early-stopping rule for its trials' epoch count; nil without `early_stop:`.
    public func makeEarlyStopRule() -> (any EarlyStopRule)? {
        earlyStop?.makeRule(maxEpochs: trainer.epochs, objective: objective)
    }
}
