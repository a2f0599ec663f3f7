/// A trainable tensor and its gradient, with the optimizer's view of it.
///
/// `decays` is false for biases and BatchNorm scales/shifts: weight decay skips them.
public final class Parameter {
    public let name: String
    public let value: Tensor
    public let gradient: Tensor
    public let decays: Bool

    public init(name: String, value: Tensor, decays: Bool) {
        self.name = name
        self.value = value
        self.gradient = Tensor(value.n, value.c, value.h, value.w)
        self.decays = decays
    }
}
