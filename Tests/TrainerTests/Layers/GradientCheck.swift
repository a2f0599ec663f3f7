import Testing

@testable import Trainer

/// Central finite differences against analytic gradients, for layers and losses.
enum GradientCheck {
    /// A tensor of the given shape with uniform values in `-scale..<scale` from `seed`.
    static func random(_ n: Int, _ c: Int, _ h: Int, _ w: Int, seed: UInt64, scale: Float = 1)
        -> Tensor
    {
        var rng = SplitMix64(seed: seed)
        let t = Tensor(n, c, h, w)
        for i in 0..<t.count { t[i] = rng.uniform(-scale, scale) }
        return t
    }

    /// Whether `analytic` and `numeric` agree to `atol + rtol · max(|a|, |n|)`.
    static func close(_ analytic: Double, _ numeric: Double, rtol: Double, atol: Double) -> Bool {
        abs(analytic - numeric) <= atol + rtol * max(abs(analytic), abs(numeric))
    }

    /// How many entries a check compared, and how many of them disagreed.
    struct Outcome {
        var compared = 0
        var failures = 0
    }

    /// Checks `∂f/∂x[i]` for every element of `x` (or every `step`-th), where `f` recomputes
    /// the scalar objective from scratch. Records an issue per mismatch (at most 5), and one when
    /// `x` is empty (a check that compares nothing proves nothing).
    @discardableResult
    static func check(
        _ name: String, tensor x: Tensor, analytic: [Float], eps: Float = 1e-2,
        rtol: Double = 2e-2, atol: Double = 1e-3, step: Int = 1,
        objective f: () -> Double
    ) -> Outcome {
        precondition(analytic.count == x.count, "GradientCheck: \(name) gradient size")
        var outcome = Outcome()
        for i in stride(from: 0, to: x.count, by: step) {
            let saved = x[i]
            x[i] = saved + eps
            let plus = f()
            x[i] = saved - eps
            let minus = f()
            x[i] = saved
            let numeric = (plus - minus) / Double(2 * eps)
            outcome.compared += 1
            if !close(Double(analytic[i]), numeric, rtol: rtol, atol: atol) {
                outcome.failures += 1
                if outcome.failures <= 5 {
                    Issue.record("\(name)[\(i)]: analytic \(analytic[i]), numeric \(numeric)")
                }
            }
        }
        if outcome.compared == 0 {
            Issue.record("\(name): nothing compared (an empty tensor)")
        }
        return outcome
    }

    /// `Σ projection ⊙ layer(input)` in Double: a scalar whose output gradient is `projection`.
    static func projected(_ layer: any Layer, _ input: Tensor, _ projection: Tensor, training: Bool)
        -> Double
    {
        let out = layer.forward(input, training: training)
        precondition(out.count == projection.count, "GradientCheck: projection shape")
        var sum = 0.0
        for i in 0..<out.count { sum += Double(out[i]) * Double(projection[i]) }
        return sum
    }

    /// Checks the input gradient and every parameter gradient of `layer` at `input`. Records an
    /// issue unless the layer has exactly `parameterTensors` parameters and every entry of them
    /// (and of the input, with `checkInput`) was compared, at least one in all.
    static func checkLayer(
        _ name: String, _ layer: any Layer, input: Tensor, parameterTensors: Int,
        training: Bool = true, checkInput: Bool = true, eps: Float = 1e-2, rtol: Double = 2e-2,
        atol: Double = 1e-3, seed: UInt64 = 99
    ) {
        let out = layer.forward(input, training: training)
        let projection = random(out.n, out.c, out.h, out.w, seed: seed)
        let inputGradient = layer.backward(projection).values
        let parameters = layer.parameters
        #expect(parameters.count == parameterTensors, "\(name): parameter tensors")
        let parameterGradients = parameters.map(\.gradient.values)
        let f = { projected(layer, input, projection, training: training) }
        var compared = 0
        if checkInput {
            let outcome = check(
                "\(name) input", tensor: input, analytic: inputGradient, eps: eps, rtol: rtol,
                atol: atol, objective: f)
            compared += outcome.compared
        }
        for (parameter, gradient) in zip(parameters, parameterGradients) {
            let outcome = check(
                "\(name) \(parameter.name)", tensor: parameter.value, analytic: gradient,
                eps: eps, rtol: rtol, atol: atol, objective: f)
            compared += outcome.compared
        }
        let expected = (checkInput ? input.count : 0) + parameters.map(\.value.count).reduce(0, +)
        #expect(compared > 0 && compared == expected, "\(name): entries compared")
    }
}
