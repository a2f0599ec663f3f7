/// The report's colours: one per trial state, and a scale for the objective.
enum ChartPalette {
    static func state(_ state: TrialState) -> String {
        switch state {
        case .completed: "#2b8a3e"
        case .pruned: "#f59f00"
        case .diverged: "#c92a2a"
        case .failed: "#862e9c"
        case .timedOut: "#e8590c"
        case .running: "#1c7ed6"
        case .queued, .interrupted: "#868e96"
        }
    }

    /// A colour from dark blue (worst) to yellow (best) for `value` within `range`.
    static func objective(_ value: Double, in range: ClosedRange<Double>) -> String {
        let width = range.upperBound - range.lowerBound
        let t = width > 0 ? min(1, max(0, (value - range.lowerBound) / width)) : 1
        let stops: [(Double, Double, Double)] = [
            (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
        ]
        let position = t * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let fraction = position - Double(lower)
        let (a, b) = (stops[lower], stops[lower + 1])
        func channel(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * fraction).rounded()) }
        return "rgb(\(channel(a.0, b.0)),\(channel(a.1, b.1)),\(channel(a.2, b.2)))"
    }

    /// The range of `values` (0…1 when empty).
    static func range(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        return low...high
    }
}
