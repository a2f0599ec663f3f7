extension TrialParameters {
    /// The numeric value of `parameter` (`loss` and `attention` have none and read as 0); nil
    /// for a conditional one that is not set.
    func number(_ parameter: Hyperparameter) -> Double? {
        switch parameter {
        case .lr: lr
        case .weightDecay: weightDecay
        case .batchSize: Double(batchSize)
        case .loss: 0
        case .focalGamma: focalGamma
        case .focalAlpha: focalAlpha
        default: remedies.number(parameter)
        }
    }
}
