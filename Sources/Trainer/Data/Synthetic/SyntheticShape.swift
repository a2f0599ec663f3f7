/// The silhouettes the synthetic generator draws. The first four are the labelled classes (raw
/// value = class index); the rest only appear as unlabelled distractors.
enum SyntheticShape: Int, CaseIterable, Sendable {
    case circle, square, triangle, cross
    case ring, diamond, bar

    /// The labelled classes, in class-index order.
    static let classes: [SyntheticShape] = [.circle, .square, .triangle, .cross]
    /// Shapes that never carry a label.
    static let distractors: [SyntheticShape] = [.ring, .diamond, .bar]

    /// Whether the point `(u, v)`, in box-relative units `0...1`, lies inside the shape.
    func covers(u: Float, v: Float) -> Bool {
        let du = u - 0.5
        let dv = v - 0.5
        switch self {
        case .circle:
            return du * du + dv * dv <= 0.25
        case .square, .bar:
            return true
        case .triangle:
            return abs(du) <= v * 0.5
        case .cross:
            return abs(du) <= 1.0 / 6.0 || abs(dv) <= 1.0 / 6.0
        case .ring:
            let r2 = du * du + dv * dv
            return r2 <= 0.25 && r2 >= 0.14
        case .diamond:
            return abs(du) + abs(dv) <= 0.5
        }
    }

    /// Mean RGB colour of a labelled class; distractors pick theirs from ``distractorColours``.
    var classColour: (Float, Float, Float) {
        switch self {
        case .circle: return (0.88, 0.18, 0.16)
        case .square: return (0.18, 0.78, 0.24)
        case .triangle: return (0.20, 0.36, 0.92)
        case .cross: return (0.92, 0.82, 0.14)
        case .ring, .diamond, .bar: return (0.5, 0.5, 0.5)
        }
    }

    /// Colours no class uses (magenta, cyan, brown, near-white, near-black).
    static let distractorColours: [(Float, Float, Float)] = [
        (0.78, 0.28, 0.78), (0.18, 0.78, 0.80), (0.52, 0.36, 0.20), (0.92, 0.92, 0.90),
        (0.08, 0.08, 0.10),
    ]
}
