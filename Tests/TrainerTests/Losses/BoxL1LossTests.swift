import Testing

@testable import Trainer

@Suite struct BoxL1LossTests {
    private let positives = [
        BoxTarget(item: 0, cell: 1, values: SIMD4(0.3, 0.6, 0.5, -0.2)),
        BoxTarget(item: 1, cell: 4, values: SIMD4(0.9, 0.1, 1.2, 0.4)),
    ]

    @Test func gradientsMatchFiniteDifferences() {
        let output = GradientCheck.random(2, 6, 2, 3, seed: 51, scale: 2)
        // Keep every prediction well away from its target, where L1 has a kink.
        for p in positives {
            for k in 0..<4 {
                let i = (p.item * 6 + 2 + k) * 6 + p.cell
                if abs(output[i] - p.values[k]) < 0.05 { output[i] = p.values[k] + 0.3 }
            }
        }
        let loss = BoxL1Loss(sizeWeight: 0.5)
        let gradient = Tensor(2, 6, 2, 3)
        _ = loss.evaluate(
            output: output, firstChannel: 2, positives: positives, normaliser: 2,
            gradient: gradient)
        GradientCheck.check("box", tensor: output, analytic: gradient.values, eps: 1e-2) {
            let scratch = Tensor(2, 6, 2, 3)
            return loss.evaluate(
                output: output, firstChannel: 2, positives: positives, normaliser: 2,
                gradient: scratch)
        }
    }

    @Test func valueIsMeanAbsoluteErrorPerObject() {
        let output = Tensor(1, 4, 1, 1, values: [1, 1, 1, 1])
        let target = [BoxTarget(item: 0, cell: 0, values: SIMD4(0.5, 0, 2, 1))]
        let value = BoxL1Loss().evaluate(
            output: output, firstChannel: 0, positives: target, normaliser: 1,
            gradient: Tensor(1, 4, 1, 1))
        #expect(abs(value - 2.5) < 1e-9)
    }
}
