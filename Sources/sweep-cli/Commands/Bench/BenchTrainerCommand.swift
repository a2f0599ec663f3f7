import ArgumentParser
import Benchmarks
import Foundation
import Trainer

/// `sweep-cli bench trainer`: training throughput and conv GEMM efficiency on one thread.
struct BenchTrainerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainer",
        abstract: "Trainer throughput and conv GEMM efficiency.",
        discussion: """
            Trains the sweep's detector and the reference network R1 (bench/pytorch_r1.py is the \
            same network in PyTorch) on a fixed random batch with one BLAS thread; reports \
            images/s, forward / backward / optimizer ms per image (medians of --steps after \
            --warmup untimed steps), the conv GEMMs' GFLOP/s and their fraction of one large \
            sgemm on the same thread. With the detector, also times the training augmentation \
            (every kind on) per batch of the default trial's images against a detector step at \
            batch 32 (or the first batch size given).
            """)

    @Option(
        parsing: .unconditional,
        help: "Timed steps per network and batch size; medians are reported.")
    var steps = 10

    @Option(parsing: .unconditional, help: "Untimed warm-up steps before the timed ones.")
    var warmup = 2

    @Option(
        help: ArgumentHelp("Comma-separated batch sizes.", valueName: "list"),
        transform: BenchTrainerCommand.parseList)
    var batchSizes: [Int] = [16, 32, 64]

    @Option(
        help: ArgumentHelp("Comma-separated networks: detector, r1.", valueName: "list"),
        transform: BenchTrainerCommand.parseNetworks)
    var networks: [TrainerBenchmark.Network] = [.detector, .r1]

    @Option(
        parsing: .unconditional,
        help: "Side of the square sgemm the conv GEMMs are compared with.")
    var sgemmSize = 2048

    @Option(
        help: ArgumentHelp(
            "The convolutions' GEMM kernel: openblas, avx2 or avx512 (default: the widest this "
                + "processor runs).", valueName: "kernel"),
        transform: BenchTrainerCommand.parseKernel)
    var gemm = GEMMKernel.best

    @Option(
        help: ArgumentHelp(
            "Also train R1 with PyTorch through this script (bench/pytorch_r1.py), each batch "
                + "size right after the trainer's.", valueName: "script"))
    var pytorch: String?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    func validate() throws {
        guard steps > 0 else { throw ValidationError("--steps must be positive, got \(steps)") }
        guard warmup >= 0 else { throw ValidationError("--warmup must be ≥ 0, got \(warmup)") }
        guard sgemmSize > 0 else {
            throw ValidationError("--sgemm-size must be positive, got \(sgemmSize)")
        }
    }

    func run() async throws {
        BLAS.setThreads(1)
        let peak = SGEMMPeak.measure(size: sgemmSize)
        var results: [TrainerBenchmark] = []
        var references: [PyTorchReference] = []
        for network in networks {
            for batchSize in batchSizes {
                results.append(
                    try TrainerBenchmark.run(
                        network, batchSize: batchSize, steps: steps, warmupSteps: warmup,
                        gemmKernel: gemm))
                guard network == .r1, let pytorch else { continue }
                do {
                    references.append(
                        try PyTorchReference.run(
                            script: pytorch, batchSize: batchSize, steps: steps, warmup: warmup))
                } catch {
                    FileHandle.standardError.write(Data("pytorch: \(error)\n".utf8))
                }
            }
        }
        let detectorSteps = results.filter { $0.network == .detector }
        let augmentation = (detectorSteps.first { $0.batchSize == 32 } ?? detectorSteps.first)
            .map {
                AugmentationBenchmark.run(
                    batchSize: $0.batchSize, batches: max(steps, 5), stepSeconds: $0.stepSeconds)
            }
        let report = TrainerBenchmarkReport(
            peak: peak, results: results, pytorch: references, augmentation: augmentation)
        print(json ? try report.json() : report.text)
    }

    static func parseList(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)), value > 0 else {
                throw ValidationError("--batch-sizes: '\(part)' is not a positive integer")
            }
            return value
        }
    }

    static func parseKernel(_ text: String) throws -> GEMMKernel {
        guard let kernel = GEMMKernel(named: text) else {
            let names = GEMMKernel.available.map(\.description).joined(separator: ", ")
            throw ValidationError(
                "--gemm: '\(text)' is not a kernel this processor runs (\(names))")
        }
        return kernel
    }

    static func parseNetworks(_ text: String) throws -> [TrainerBenchmark.Network] {
        try text.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let network = TrainerBenchmark.Network(rawValue: name) else {
                throw ValidationError("--networks: unknown network '\(name)' (detector, r1)")
            }
            return network
        }
    }
}
