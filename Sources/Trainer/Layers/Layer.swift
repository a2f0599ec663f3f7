/// A differentiable network stage with separate forward and backward calls.
///
/// `forward` writes into a buffer the layer owns and returns it; the returned tensor stays valid
/// until the layer's next `forward`. `backward` takes the gradient of the loss with respect to
/// the last output, sets (not accumulates) the gradients of ``parameters`` and returns the
/// gradient with respect to the last input — also a buffer the layer owns. A layer remembers its
/// last input, so callers must not change that tensor between `forward` and `backward`.
/// Buffers grow to the largest batch seen and are reused, so a training loop allocates nothing
/// per step once it has seen its largest batch.
public protocol Layer: AnyObject {
    /// Runs the layer on `input` (NCHW). `training` selects batch statistics in BatchNorm.
    func forward(_ input: Tensor, training: Bool) -> Tensor
    /// Back-propagates `outputGradient` (shape of the last output).
    func backward(_ outputGradient: Tensor) -> Tensor
    /// The trainable tensors, in a stable order.
    var parameters: [Parameter] { get }
}
