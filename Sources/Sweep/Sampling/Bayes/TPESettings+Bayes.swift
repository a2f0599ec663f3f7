extension TPESettings {
    /// The settings `method: bayes` reads, as a sweep file spells them, for `validate`.
    public var bayesSummary: String {
        "n_startup_trials \(startupTrials), constant_liar \(constantLiar) "
            + "(Gaussian process, Matérn-5/2 kernel, log expected improvement)"
    }
}
