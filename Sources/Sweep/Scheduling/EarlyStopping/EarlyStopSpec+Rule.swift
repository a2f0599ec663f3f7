extension EarlyStopSpec {
    /// The rule this spec describes.
    public func makeRule() -> any EarlyStopRule {
        preconditionFailure("EarlyStopSpec.makeRule: lands with the early-stopping branch")
    }
}
