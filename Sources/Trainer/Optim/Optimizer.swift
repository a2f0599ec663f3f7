/// Updates parameters from their gradients, one step at a time.
public protocol Optimizer: AnyObject {
    /// Applies one update with learning rate `lr` to every parameter from its current gradient.
    func step(lr: Float)
}
