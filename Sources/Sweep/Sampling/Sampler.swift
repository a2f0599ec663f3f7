/// Plans a sweep: turns a validated ``SweepSpec`` into the ordered list of trials to run.
public protocol Sampler: Sendable {
    /// The sweep's trials, indexed from 0 in run order. Deterministic: the same spec always
    /// gives the same trials with the same keys.
    func trials(for spec: SweepSpec) -> [TrialConfig]
}
