import Foundation
import Testing

@testable import Benchmarks
@testable import Trainer

@Suite struct TrainerBenchmarkTests {
    @Test func fusedR1HasTheReferenceShape() {
        let network = ReferenceNetwork.r1(seed: 0, fusesSiLU: true)
        let out = network.forward(Tensor(1, 3, 128, 128), training: true)
        #expect(out.shape == [1, 8, 32, 32])
        let convs = ReferenceNetwork.convolutions(of: network)
        #expect(convs.map(\.outChannels) == [16, 32, 32, 64, 64, 8])
        #expect(convs.map(\.stride) == [1, 2, 1, 2, 1, 1])
        #expect(convs.map(\.kernel) == [3, 3, 3, 3, 3, 1])
        #expect(convs.map(\.activation) == [.silu, .silu, .silu, .silu, .silu, .identity])
        #expect(!convs[0].propagatesGradient && convs[1].propagatesGradient)
        #expect(!network.layers.contains { $0 is SiLU })
    }

    @Test func fusedR1ComputesWhatTheLayeredR1Computes() {
        let fused = ReferenceNetwork.r1(seed: 4, fusesSiLU: true)
        let layered = ReferenceNetwork.r1(seed: 4)
        let input = BenchmarkFixtures.random(1, 3, 16, 16, seed: 5)
        let a = fused.forward(input, training: true).values
        let b = layered.forward(input, training: true).values
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test func r1CountsItsConvolutionWork() throws {
        let result = try TrainerBenchmark.run(.r1, batchSize: 1, steps: 1, warmupSteps: 0)
        // (M, N, K) of each conv per image; backward repeats each for the weight gradient
        // and, except for the first layer, the input gradient.
        let shapes: [(Double, Double, Double)] = [
            (16, 16384, 27), (32, 4096, 144), (32, 4096, 288), (64, 1024, 288),
            (64, 1024, 576), (8, 1024, 64),
        ]
        let forward = shapes.map { 2 * $0.0 * $0.1 * $0.2 }
        let expected = 3 * forward.reduce(0, +) - forward[0]
        #expect(result.gemm.flops == expected)
        // Blocks of output rows split a conv's GEMM into several calls; at least one each.
        #expect(result.gemm.calls >= 17)
        #expect(result.imagesPerSecond > 0 && result.stepSeconds > 0)
        #expect(result.gemmShare > 0 && result.gemmShare <= 1)
    }

    /// The default `bench trainer` length (2 warm-up + 10 timed steps) must time finite
    /// arithmetic: at the old learning rate 0.01 R1's loss was NaN from about step 5 on.
    @Test(arguments: [TrainerBenchmark.Network.r1, .detector])
    func defaultLengthStaysFinite(network: TrainerBenchmark.Network) throws {
        let result = try TrainerBenchmark.run(network, batchSize: 1, steps: 10, warmupSteps: 2)
        #expect(result.steps == 10)
    }

    @Test func referenceLossMatchesAHandComputation() {
        // One cell, logits 0 (p = ½) for a positive and a negative channel, boxes off by ±0.5.
        let output = Tensor(1, 8, 1, 1, values: [0, 0, 0, 0, 1, 0, 0.5, 0.5])
        let heatmap = Tensor(1, 4, 1, 1, values: [1, 0, 0, 0])
        let boxes = Tensor(1, 4, 1, 1, values: [0.5, 0.5, 0.5, 0.5])
        let gradient = Tensor(1, 8, 1, 1)
        let loss = ReferenceLoss().evaluate(
            output: output, heatmap: heatmap, boxes: boxes, gradient: gradient)
        let log2 = Foundation.log(2.0)
        let focal = 0.25 * 0.25 * log2 + 3 * 0.75 * 0.25 * log2
        let l1 = (0.5 + 0.5 + 0 + 0) / 4
        #expect(abs(loss - (focal + l1)) < 1e-6)
        #expect(Array(gradient.values[4...]) == [0.25, -0.25, 0, 0])
    }

    @Test func detectorRunsEveryPhase() throws {
        let result = try TrainerBenchmark.run(.detector, batchSize: 2, steps: 2, warmupSteps: 1)
        #expect(result.steps == 2 && result.batchSize == 2)
        #expect(result.forwardSeconds > 0 && result.backwardSeconds > 0)
        #expect(result.optimizerSeconds > 0)
        #expect(result.gemm.calls >= 2 * 2 * (6 + 6 + 5))
    }

    @Test func reportPrintsEveryResultAndValidJSON() throws {
        let result = try TrainerBenchmark.run(.detector, batchSize: 1, steps: 1, warmupSteps: 0)
        let report = TrainerBenchmarkReport(
            peak: SGEMMPeak.measure(size: 64, runs: 1), results: [result])
        #expect(report.text.contains("detector"))
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8))
        let results = (object as? [String: Any])?["results"] as? [[String: Any]]
        #expect(results?.first?["network"] as? String == "detector")
        #expect((results?.first?["images_per_second"] as? Double ?? 0) > 0)
    }

    /// A zero timing (or a PyTorch reference of 0 images/s) is a thrown error naming the number,
    /// not a crash in `JSONSerialization`.
    @Test func aNonFiniteNumberIsAThrownErrorNamingIt() {
        var peak = SGEMMPeak.measure(size: 16, runs: 1)
        peak.seconds = 0
        let report = TrainerBenchmarkReport(peak: peak, results: [])
        #expect(
            throws: BenchmarkReportError.nonFiniteNumber(key: "sgemm.gflops", value: .infinity)
        ) {
            try report.json()
        }
    }
}
