import Foundation
import Testing

@testable import Trainer

@Suite struct HeatmapLossTests {
    /// Logits `[2, 3 + 1, 3, 4]` (one extra non-heatmap channel) and targets with positives (1),
    /// gaussian neighbours (0 < t < 1) and plain background (0).
    private func fixture() -> (output: Tensor, targets: Tensor) {
        let output = GradientCheck.random(2, 4, 3, 4, seed: 41, scale: 3)
        let targets = Tensor(2, 3, 3, 4)
        var rng = SplitMix64(seed: 42)
        for i in 0..<targets.count {
            let u = rng.unit()
            targets[i] = u < 0.15 ? 1 : (u < 0.5 ? rng.uniform(0.05, 0.95) : 0)
        }
        return (output, targets)
    }

    @Test(arguments: LossKind.allCases)
    func gradientsMatchFiniteDifferences(kind: LossKind) {
        let (output, targets) = fixture()
        let loss = HeatmapLoss(kind: kind, alpha: 0.3, gamma: 1.5)
        let gradient = Tensor(2, 4, 3, 4)
        _ = loss.evaluate(output: output, targets: targets, normaliser: 3, gradient: gradient)
        let scratch = Tensor(2, 4, 3, 4)
        GradientCheck.check(
            "\(kind)", tensor: output, analytic: gradient.values, eps: 1e-3, rtol: 1e-2,
            atol: 1e-4
        ) {
            loss.evaluate(output: output, targets: targets, normaliser: 3, gradient: scratch)
        }
    }

    @Test func focalWithDefaultGammaMatchesFiniteDifferences() {
        let (output, targets) = fixture()
        let loss = HeatmapLoss(kind: .focal)
        let gradient = Tensor(2, 4, 3, 4)
        _ = loss.evaluate(output: output, targets: targets, normaliser: 2, gradient: gradient)
        let scratch = Tensor(2, 4, 3, 4)
        GradientCheck.check(
            "focal γ2", tensor: output, analytic: gradient.values, eps: 1e-3, rtol: 1e-2,
            atol: 1e-4
        ) {
            loss.evaluate(output: output, targets: targets, normaliser: 2, gradient: scratch)
        }
    }

    @Test func elementValuesMatchTheirDefinitions() {
        let x: Float = 0.7
        let p = 1 / (1 + exp(-x))
        let mse = HeatmapLoss(kind: .mse)
        let ce = HeatmapLoss(kind: .ce)
        let focal = HeatmapLoss(kind: .focal, alpha: 0.25, gamma: 2)
        #expect(abs(mse.element(logit: x, target: 1).loss - (1 - p) * (1 - p)) < 1e-6)
        #expect(abs(ce.element(logit: x, target: 1).loss - -log(p)) < 1e-6)
        #expect(abs(ce.element(logit: x, target: 0).loss - -log(1 - p)) < 1e-6)
        let focalPositive = -0.25 * (1 - p) * (1 - p) * log(p)
        #expect(abs(focal.element(logit: x, target: 1).loss - focalPositive) < 1e-6)
        // A negative next to a centre (t = 0.5) is weighted by (1 − t)⁴.
        let near = ce.element(logit: x, target: 0.5).loss
        #expect(abs(near - 0.0625 * -log(1 - p)) < 1e-6)
    }

    @Test func focalDownWeightsEasyNegativesMoreThanCrossEntropy() {
        let easy: Float = -4
        let ratioEasy =
            HeatmapLoss(kind: .focal).element(logit: easy, target: 0).loss
            / HeatmapLoss(kind: .ce).element(logit: easy, target: 0).loss
        let ratioHard =
            HeatmapLoss(kind: .focal).element(logit: 2, target: 0).loss
            / HeatmapLoss(kind: .ce).element(logit: 2, target: 0).loss
        #expect(ratioEasy < ratioHard / 10)
    }

    @Test func hugeLogitsStayFinite() {
        for kind in LossKind.allCases {
            let e = HeatmapLoss(kind: kind).element(logit: 500, target: 0)
            #expect(e.loss.isFinite && e.gradient.isFinite)
        }
    }
}
