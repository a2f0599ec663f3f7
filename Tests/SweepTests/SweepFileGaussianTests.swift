import Foundation
import Testing

@testable import Sweep

/// `distribution: normal` and `log_normal` (W&B's Gaussians), truncated to mu ± 3 sigma.
@Suite struct SweepFileGaussianTests {
    private func parse(_ domain: String) throws -> SweepSpec {
        try SweepSpec.parse(
            text: """
                name: g
                method: tpe
                max_trials: 4
                parameters:
                  lr: \(domain)
                """, path: "g.yaml")
    }

    @Test func muAndSigmaGiveATruncatedDomain() throws {
        let normal = try parse("{distribution: normal, mu: 0.05, sigma: 0.01}")
        #expect(normal.parameters[.lr] == .normal(mu: 0.05, sigma: 0.01))
        let bounds = try #require(normal.parameters[.lr]?.normalBounds)
        #expect(abs(bounds.lowerBound - 0.02) < 1e-12 && abs(bounds.upperBound - 0.08) < 1e-12)
        let logNormal = try parse("{distribution: log_normal, mu: -4.6, sigma: 0.5}")
        let logBounds = try #require(logNormal.parameters[.lr]?.normalBounds)
        #expect(abs(logBounds.lowerBound - exp(-6.1)) < 1e-15)
        #expect(logNormal.summary().contains("log_normal mu -4.6 sigma 0.5, truncated to"))
        let alpha = try SweepSpec.parse(
            text: "name: a\nmethod: random\nmax_trials: 2\nparameters:\n"
                + "  focal_alpha: {distribution: normal, mu: 0.25, sigma: 0.05}\n",
            path: "a.yaml")
        let summary = alpha.summary()
        #expect(
            summary.contains("fixed:          momentum 0.9, warmup_epochs 1.0, focal_gamma 2.0\n"))
        #expect(!summary.contains("focal_alpha 0.25"), "a searched parameter is not fixed")
    }

    @Test(arguments: [
        ("{distribution: normal, mu: 0.01, sigma: 0.01}", "parameters.lr.mu", "must be > 0"),
        ("{distribution: normal, mu: 0.05}", "parameters.lr.sigma", "missing"),
        ("{distribution: normal, mu: 0.05, sigma: 0}", "parameters.lr.sigma", "must be > 0"),
        (
            "{distribution: normal, mu: 0.05, sigma: 0.01, max: 1}", "parameters.lr.max",
            "take mu and sigma"
        ),
        ("{distribution: uniform, min: 0.01, max: 0.1, mu: 2}", "parameters.lr.mu", "only apply"),
        ("{distribution: log_normal, mu: 800, sigma: 1}", "parameters.lr.sigma", "finite"),
    ])
    func mistakesAreLocated(domain: String, keyPath: String, message: String) {
        let error = #expect(throws: SweepFileError.self) { _ = try parse(domain) }
        #expect(error?.keyPath == keyPath)
        #expect(error?.line == 5)
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    /// TPE searches the truncation as it searches `[min, max]`: every proposal lies inside it.
    @Test func tpeProposesInsideTheTruncation() throws {
        var spec = try parse("{distribution: log_normal, mu: -4.6, sigma: 0.5}")
        spec.maxTrials = 30
        let dimension = try TPEDimension(.lr, .logNormal(mu: -4.6, sigma: 0.5))
        guard case .numeric(let low, let high, .logarithm) = dimension.kind else {
            Issue.record("expected a log-scale numeric dimension, got \(dimension.kind)")
            return
        }
        #expect(abs(low + 6.1) < 1e-12 && abs(high + 3.1) < 1e-12)
        let bounds = try #require(spec.parameters[.lr]?.normalBounds)
        for trial in spec.planTrials() {
            #expect(bounds.contains(trial.parameters.lr), "\(trial.parameters.lr)")
        }
    }

    /// A W&B file's Gaussians read as they are, W&B's defaults (mu 0, sigma 1) filled in.
    @Test func wandBGaussiansTakeItsDefaults() throws {
        let spec = try SweepSpec.parse(
            text: """
                program: train.py
                method: random
                run_cap: 3
                metric: {name: val_loss, goal: minimize}
                parameters:
                  noise: {distribution: normal}
                  learning_rate: {distribution: log_normal, mu: -5, sigma: 0.5}
                """, path: "w.yaml")
        #expect(spec.parameters[.program("noise")] == .normal(mu: 0, sigma: 1))
        #expect(spec.parameters[.program("learning_rate")] == .logNormal(mu: -5, sigma: 0.5))
        #expect(spec.readingNotes.contains { $0.contains("normal (W&B's default mu 0, sigma 1)") })
    }
}
