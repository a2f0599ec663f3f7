extension TrainingConfig {
    /// Checks every hyperparameter's range, naming the first offending key and value. The
    /// ranges are those sweep files accept, so every planned trial passes.
    public func validate() throws(TrainingConfigError) {
        func check(_ ok: Bool, _ key: String, _ value: Any, _ expected: String)
            throws(TrainingConfigError)
        {
            guard ok else {
                throw TrainingConfigError(key: key, value: "\(value)", expected: expected)
            }
        }
        try check(lr.isFinite && lr > 0, "lr", lr, "a finite number > 0")
        try check(
            weightDecay.isFinite && weightDecay >= 0, "weight_decay", weightDecay,
            "a finite number >= 0")
        try check(batchSize >= 1, "batch_size", batchSize, ">= 1")
        try check(epochs >= 0, "epochs", epochs, ">= 0")
        try check(momentum >= 0 && momentum < 1, "momentum", momentum, "0 <= momentum < 1")
        try check(
            warmupEpochs.isFinite && warmupEpochs >= 0, "warmup_epochs", warmupEpochs,
            "a finite number >= 0")
        try check(focalAlpha >= 0 && focalAlpha <= 1, "focal_alpha", focalAlpha, "0...1")
        try check(
            focalGamma.isFinite && focalGamma >= 0, "focal_gamma", focalGamma,
            "a finite number >= 0")
    }
}
