/// The box regression loss shared by every classification loss kind: L1 between the predicted
/// and target `(dx, dy, log w, log h)` at each object's centre cell, summed and divided by the
/// number of positives. `dx, dy` are the centre's offset inside its cell (0..<1), `w, h` the box
/// size in cells.
public struct BoxL1Loss: Sendable, Equatable {
    /// Weight of the size terms relative to the offset terms.
    public var sizeWeight: Float

    public init(sizeWeight: Float = 1) {
        self.sizeWeight = sizeWeight
    }

    /// The loss of box channels `firstChannel..<firstChannel + 4` of `output` at `positives`,
    /// divided by `normaliser`; adds `∂loss/∂output` into `gradient` at those cells (the
    /// caller zeroes the box channels first).
    public func evaluate(
        output: Tensor, firstChannel: Int, positives: [BoxTarget], normaliser: Float,
        gradient: Tensor
    ) -> Double {
        precondition(
            output.c >= firstChannel + 4 && gradient.hasShape(of: output),
            "BoxL1Loss: output \(output.shape) has no box channels at \(firstChannel)")
        let plane = output.planeCount
        let scale = 1 / normaliser
        var total: Double = 0
        for positive in positives {
            let base = (positive.item * output.c + firstChannel) * plane + positive.cell
            for k in 0..<4 {
                let weight = k < 2 ? 1 : sizeWeight
                let d = output.data[base + k * plane] - positive.values[k]
                total += Double(weight * abs(d))
                let sign: Float = d > 0 ? 1 : (d < 0 ? -1 : 0)
                gradient.data[base + k * plane] += weight * sign * scale
            }
        }
        return total * Double(scale)
    }
}
