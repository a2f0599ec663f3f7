extension TrialParameters {
    /// The numeric value of `parameter` (`loss` and `attention` have none and read as 0).
    func number(_ parameter: Hyperparameter) -> Double {
        switch parameter {
        case .lr: lr
        case .weightDecay: weightDecay
        case .batchSize: Double(batchSize)
        case .loss: 0
        default: remedies.number(parameter)
        }
    }
}
