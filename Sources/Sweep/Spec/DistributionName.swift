/// The distributions a sweep file can name under `distribution:`.
enum DistributionName: String, CaseIterable {
    case categorical
    /// W&B's name for a single fixed value (`value:`).
    case constant
    case uniform
    case logUniform = "log_uniform"
    case intUniform = "int_uniform"
    case qLogUniform = "q_log_uniform"
    /// Gaussian with `mu` and `sigma` (W&B's `normal`), truncated to mu ± 3 sigma.
    case normal
    /// `exp` of a Gaussian with `mu` and `sigma` (W&B's `log_normal`), truncated likewise.
    case logNormal = "log_normal"
}
