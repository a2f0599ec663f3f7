import Foundation

/// The multiples of `q` inside `[min, max]`, as used by `q_log_uniform`.
struct QuantizedRange: Sendable, Equatable {
    /// Smallest multiple of `q` that is ≥ `min`.
    let lowest: Double
    /// Largest multiple of `q` that is ≤ `max`.
    let highest: Double
    let q: Double

    /// `nil` when no multiple of `q` lies in `[min, max]`.
    init?(min: Double, max: Double, q: Double) {
        precondition(q > 0, "q must be positive")
        let tolerance = 1e-9
        let lowest = (min / q - tolerance).rounded(.up) * q
        let highest = (max / q + tolerance).rounded(.down) * q
        guard lowest <= highest else { return nil }
        self.lowest = lowest
        self.highest = highest
        self.q = q
    }

    /// `x` rounded to the nearest multiple of `q`, kept inside the range.
    func quantize(_ x: Double) -> Double {
        Swift.min(Swift.max((x / q).rounded() * q, lowest), highest)
    }
}
