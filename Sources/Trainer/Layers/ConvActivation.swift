/// The activation a ``Conv2D`` fuses into its output pass.
public enum ConvActivation: Sendable, Equatable {
    /// `conv(x) + b`.
    case identity
    /// `silu(conv(x) + b)`, as a ``Conv2D`` followed by a ``SiLU`` layer.
    case silu
}
