import Foundation

/// The classification/objectness loss on per-class heatmap logits, in one of three kinds.
///
/// Targets follow CenterNet: a cell whose target is exactly 1 is the centre of an object of that
/// class (a positive); every other cell is a negative whose term is scaled by `(1 − t)⁴`, where
/// `t < 1` is the gaussian splat of nearby centres, so cells next to a centre are punished
/// less. With `p = σ(x)`:
/// - `mse`:   positive `(1 − p)²`, negative `w·p²`
/// - `ce`:    positive `−log p`,  negative `−w·log(1 − p)` (binary cross-entropy with logits)
/// - `focal`: positive `−α(1 − p)^γ log p`, negative `−(1 − α)·w·p^γ log(1 − p)` (Lin et al.)
///
/// The sum over all cells is divided by the number of positives (at least 1), so the three
/// kinds are on a per-object scale and do not depend on image or batch size.
public struct HeatmapLoss: Sendable, Equatable {
    public var kind: LossKind
    public var alpha: Float
    public var gamma: Float

    public init(kind: LossKind, alpha: Float = 0.25, gamma: Float = 2) {
        self.kind = kind
        self.alpha = alpha
        self.gamma = gamma
    }

    /// Loss and its derivative with respect to the logit `x` for one cell with target `t`.
    @inline(__always)
    public func element(logit x: Float, target t: Float) -> (loss: Float, gradient: Float) {
        let p = Sigmoid.logistic(x)
        if t >= 1 {
            switch kind {
            case .mse:
                let q = 1 - p
                return (q * q, -2 * q * p * q)
            case .ce:
                return (Sigmoid.softplus(-x), p - 1)
            case .focal:
                let q = 1 - p
                let logP = -Sigmoid.softplus(-x)
                let qg = power(q, gamma)
                return (-alpha * qg * logP, alpha * qg * (gamma * p * logP - q))
            }
        }
        let s = 1 - t
        let s2 = s * s
        let weight = s2 * s2
        switch kind {
        case .mse:
            return (weight * p * p, 2 * weight * p * p * (1 - p))
        case .ce:
            return (weight * Sigmoid.softplus(x), weight * p)
        case .focal:
            let log1mP = -Sigmoid.softplus(x)
            let pg = power(p, gamma)
            let w = (1 - alpha) * weight
            return (-w * pg * log1mP, w * pg * (-gamma * (1 - p) * log1mP + p))
        }
    }

    @inline(__always)
    private func power(_ base: Float, _ exponent: Float) -> Float {
        exponent == 2 ? base * base : Foundation.pow(base, exponent)
    }

    /// The loss over channels `0..<targets.c` of `output` (heatmap logits, `[N, ≥C, H, W]`)
    /// against `targets` (`[N, C, H, W]`), divided by `normaliser`. Writes
    /// `∂loss/∂logit` into the same channels of `gradient` (shaped like `output`).
    public func evaluate(
        output: Tensor, targets: Tensor, normaliser: Float, gradient: Tensor
    ) -> Double {
        precondition(
            output.n == targets.n && output.c >= targets.c && output.h == targets.h
                && output.w == targets.w && gradient.hasShape(of: output),
            "HeatmapLoss: output \(output.shape), targets \(targets.shape)")
        let plane = targets.planeCount
        let scale = 1 / normaliser
        var total: Double = 0
        for item in 0..<targets.n {
            for ch in 0..<targets.c {
                let x = output.data + (item * output.c + ch) * plane
                let t = targets.data + (item * targets.c + ch) * plane
                let g = gradient.data + (item * output.c + ch) * plane
                var sum: Float = 0
                for i in 0..<plane {
                    let (l, d) = element(logit: x[i], target: t[i])
                    sum += l
                    g[i] = d * scale
                }
                total += Double(sum)
            }
        }
        return total * Double(scale)
    }
}
