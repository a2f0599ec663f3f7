import Trainer

/// Training throughput of one network at one batch size on the calling thread: forward (with
/// the loss), backward and optimizer step timed separately over `steps` steps after
/// `warmupSteps` untimed ones, reported as medians, plus the GFLOP/s of the convolutions' GEMMs.
///
/// Set the BLAS thread count (``BLAS/setThreads(_:)``) before running; `sweep-cli bench trainer`
/// uses one thread, as a sweep worker does.
public struct TrainerBenchmark: Sendable, Equatable {
    /// The networks the benchmark can train.
    public enum Network: String, Sendable, CaseIterable {
        /// The sweep's detector (``DetectorArchitecture/standard``, BatchNorm, 4 classes) with
        /// its focal heatmap loss and sparse box L1.
        case detector
        /// The reference network R1 of ``ReferenceNetwork/r1(seed:fusesSiLU:)`` (fused SiLU) with
        /// ``ReferenceLoss``.
        case r1
    }

    public var network: Network
    public var batchSize: Int
    public var steps: Int
    /// The code that computed the convolutions' GEMMs.
    public var gemmKernel: GEMMKernel
    /// Median seconds per step of each phase and of the whole step.
    public var forwardSeconds: Double
    public var backwardSeconds: Double
    public var optimizerSeconds: Double
    public var stepSeconds: Double
    /// GEMM work and time of every convolution over the timed steps.
    public var gemm: GEMMTally
    /// The same per convolution, in layer order.
    public var layerGEMMs: [GEMMTally]
    /// Seconds of the timed steps in total (the denominator of ``gemmShare``).
    public var totalSeconds: Double

    /// Training images per second: batch size over the median step time.
    public var imagesPerSecond: Double { Double(batchSize) / stepSeconds }
    /// The share of the timed steps spent inside the convolution GEMMs.
    public var gemmShare: Double { totalSeconds > 0 ? gemm.seconds / totalSeconds : 0 }

    /// Builds `network` with `seed`, trains it on one fixed random batch of `batchSize` images
    /// for `warmupSteps + steps` steps with `gemmKernel` computing the convolutions' GEMMs, and
    /// times the last `steps`. Throws
    /// ``TrainerBenchmarkError/diverged(network:batchSize:step:loss:)`` when the loss stops being
    /// finite, since the timings of NaN arithmetic say nothing about training.
    public static func run(
        _ network: Network, batchSize: Int, steps: Int, warmupSteps: Int = 2, seed: UInt64 = 0,
        gemmKernel: GEMMKernel = .best
    ) throws(TrainerBenchmarkError) -> TrainerBenchmark {
        precondition(steps > 0 && warmupSteps >= 0, "TrainerBenchmark: steps \(steps)")
        let workload = BenchmarkWorkload.make(network, batchSize: batchSize, seed: seed)
        for conv in workload.convolutions { conv.gemmKernel = gemmKernel }
        let clock = ContinuousClock()
        var forward: [Double] = []
        var backward: [Double] = []
        var optimizer: [Double] = []
        var total: [Double] = []
        for index in 0..<(warmupSteps + steps) {
            if index == warmupSteps {
                for conv in workload.convolutions { conv.gemmTally = GEMMTally() }
            }
            let t0 = clock.now
            let loss = workload.forward()
            let t1 = clock.now
            workload.backward()
            let t2 = clock.now
            workload.step()
            let t3 = clock.now
            guard loss.isFinite else {
                throw .diverged(network: network, batchSize: batchSize, step: index, loss: loss)
            }
            guard index >= warmupSteps else { continue }
            forward.append((t1 - t0) / .seconds(1))
            backward.append((t2 - t1) / .seconds(1))
            optimizer.append((t3 - t2) / .seconds(1))
            total.append((t3 - t0) / .seconds(1))
        }
        let layerGEMMs = workload.convolutions.map { $0.gemmTally ?? GEMMTally() }
        for conv in workload.convolutions { conv.gemmTally = nil }
        var gemm = GEMMTally()
        for tally in layerGEMMs { gemm.add(tally) }
        return TrainerBenchmark(
            network: network, batchSize: batchSize, steps: steps, gemmKernel: gemmKernel,
            forwardSeconds: Median.of(forward), backwardSeconds: Median.of(backward),
            optimizerSeconds: Median.of(optimizer), stepSeconds: Median.of(total), gemm: gemm,
            layerGEMMs: layerGEMMs,
            totalSeconds: total.reduce(0, +))
    }
}
