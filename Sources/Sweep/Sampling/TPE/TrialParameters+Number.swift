extension TrialParameters {
    /// The numeric value of `parameter` (`loss` has none and reads as 0).
    func number(_ parameter: Hyperparameter) -> Double {
        switch parameter {
        case .lr: lr
        case .weightDecay: weightDecay
        case .batchSize: Double(batchSize)
        case .loss: 0
        }
    }
}
