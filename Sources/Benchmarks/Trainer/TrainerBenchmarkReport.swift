import Foundation
import Trainer

/// The results of one `sweep-cli bench trainer` run — the large-sgemm yardstick, one
/// ``TrainerBenchmark`` per network and batch size and, where asked for, PyTorch's R1 figures —
/// as a table or as one JSON object.
public struct TrainerBenchmarkReport: Sendable {
    public var peak: SGEMMPeak
    public var results: [TrainerBenchmark]
    public var pytorch: [PyTorchReference]
    /// The augmentation's cost against a detector step, when measured.
    public var augmentation: AugmentationBenchmark?

    public init(
        peak: SGEMMPeak, results: [TrainerBenchmark], pytorch: [PyTorchReference] = [],
        augmentation: AugmentationBenchmark? = nil
    ) {
        self.peak = peak
        self.results = results
        self.pytorch = pytorch
        self.augmentation = augmentation
    }

    /// The trainer's R1 images/s over PyTorch's at the same batch size.
    public func ratio(_ reference: PyTorchReference) -> Double? {
        results.first { $0.network == .r1 && $0.batchSize == reference.batchSize }
            .map { $0.imagesPerSecond / reference.imagesPerSecond }
    }

    /// A fixed-width table: one row per result (and its GEMM GFLOP/s per convolution), then the
    /// sgemm yardstick.
    public var text: String {
        var lines = [
            "network   batch   images/s   fwd ms/img   bwd ms/img   opt ms/img   conv GEMM GFLOP/s"
                + "   of peak   GEMM share"
        ]
        for r in results {
            let perImage = 1000 / Double(r.batchSize)
            lines.append(
                pad(r.network.rawValue, 8) + pad(String(r.batchSize), 7, right: true)
                    + pad(fixed(r.imagesPerSecond, 1), 11, right: true)
                    + pad(fixed(r.forwardSeconds * perImage, 3), 13, right: true)
                    + pad(fixed(r.backwardSeconds * perImage, 3), 13, right: true)
                    + pad(fixed(r.optimizerSeconds * perImage, 3), 13, right: true)
                    + pad(fixed(r.gemm.gigaflopsPerSecond, 1), 20, right: true)
                    + pad(fixed(100 * fraction(r), 0) + "%", 10, right: true)
                    + pad(fixed(100 * r.gemmShare, 0) + "%", 13, right: true))
            lines.append(
                "    GFLOP/s by conv (\(r.gemmKernel)): "
                    + r.layerGEMMs.map { fixed($0.gigaflopsPerSecond, 1) }.joined(separator: " "))
        }
        for p in pytorch {
            lines.append(
                pad("pytorch", 8) + pad(String(p.batchSize), 7, right: true)
                    + pad(fixed(p.imagesPerSecond, 1), 11, right: true)
                    + pad(fixed(p.forwardMillisecondsPerImage, 3), 13, right: true)
                    + pad(fixed(p.backwardMillisecondsPerImage, 3), 13, right: true)
                    + pad(fixed(p.optimizerMillisecondsPerImage, 3), 13, right: true)
                    + (ratio(p).map { "    r1 / pytorch: " + fixed($0, 2) + "×" } ?? ""))
        }
        if let version = pytorch.first?.version { lines.append("pytorch: \(version)") }
        if let augmentation { lines.append(augmentation.line) }
        lines.append(
            "sgemm \(peak.size)³ (same thread): \(fixed(peak.gigaflopsPerSecond, 1)) GFLOP/s")
        return lines.joined(separator: "\n")
    }

    /// One JSON object: `sgemm` (`size`, `gflops`), `pytorch` (its R1 figures with `r1_ratio`,
    /// the trainer's images/s over PyTorch's) and `results`, one object per network and
    /// batch size with `images_per_second`, `forward_ms_per_image`, `backward_ms_per_image`,
    /// `optimizer_ms_per_image`, `gemm_kernel`, `conv_gemm_gflops`, `conv_gemm_fraction_of_peak`, `gemm_share`
    /// and `layer_gemm_gflops` (per convolution).
    /// - Throws: ``BenchmarkReportError/nonFiniteNumber(key:value:)`` naming the first NaN or
    ///   infinite number (a zero timing, a PyTorch reference of 0 images/s).
    public func json() throws(BenchmarkReportError) -> String {
        var object: [String: Any] = [
            "sgemm": ["size": peak.size, "gflops": peak.gigaflopsPerSecond],
            "pytorch": pytorch.map { p -> [String: Any] in
                [
                    "batch_size": p.batchSize, "images_per_second": p.imagesPerSecond,
                    "forward_ms_per_image": p.forwardMillisecondsPerImage,
                    "backward_ms_per_image": p.backwardMillisecondsPerImage,
                    "optimizer_ms_per_image": p.optimizerMillisecondsPerImage,
                    "r1_ratio": ratio(p) ?? 0, "version": p.version,
                ]
            },
            "results": results.map { r -> [String: Any] in
                let perImage = 1000 / Double(r.batchSize)
                return [
                    "network": r.network.rawValue, "batch_size": r.batchSize, "steps": r.steps,
                    "gemm_kernel": r.gemmKernel.description,
                    "images_per_second": r.imagesPerSecond,
                    "forward_ms_per_image": r.forwardSeconds * perImage,
                    "backward_ms_per_image": r.backwardSeconds * perImage,
                    "optimizer_ms_per_image": r.optimizerSeconds * perImage,
                    "conv_gemm_gflops": r.gemm.gigaflopsPerSecond,
                    "conv_gemm_fraction_of_peak": fraction(r), "gemm_share": r.gemmShare,
                    "layer_gemm_gflops": r.layerGEMMs.map(\.gigaflopsPerSecond),
                ]
            },
        ]
        if let a = augmentation {
            object["augmentation"] = [
                "batch_size": a.batchSize, "image_size": a.imageSize,
                "augmented_ms_per_batch": a.augmentedSeconds * 1000,
                "plain_ms_per_batch": a.plainSeconds * 1000,
                "step_ms": a.stepSeconds * 1000, "step_share": a.stepShare,
            ]
        }
        if let (key, value) = Self.firstNonFinite(in: object, path: "") {
            throw .nonFiniteNumber(key: key, value: value)
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .encoding(reason: "\(error)")
        }
    }

    /// The dotted path (`results[1].images_per_second`) and value of the first NaN or infinite
    /// number in a JSON object tree, keys in sorted order.
    private static func firstNonFinite(in value: Any, path: String) -> (String, Double)? {
        switch value {
        case let number as Double:
            return number.isFinite ? nil : (path, number)
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let found = object[key].flatMap({ firstNonFinite(in: $0, path: child) }) {
                    return found
                }
            }
            return nil
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = firstNonFinite(in: item, path: "\(path)[\(index)]") {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// The conv GEMMs' GFLOP/s as a fraction of the large sgemm's.
    private func fraction(_ result: TrainerBenchmark) -> Double {
        peak.gigaflopsPerSecond > 0 ? result.gemm.gigaflopsPerSecond / peak.gigaflopsPerSecond : 0
    }

    private func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return right ? space + text : text + space
    }
}
