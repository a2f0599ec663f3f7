import Foundation
import Trainer

/// R1 trained by PyTorch on one thread, through `bench/pytorch_r1.py`, so `bench trainer` can
/// put the two trainers side by side in one run (each batch size right after the trainer's own,
/// so both see the same machine load).
public struct PyTorchReference: Sendable, Equatable {
    public var batchSize: Int
    public var imagesPerSecond: Double
    public var forwardMillisecondsPerImage: Double
    public var backwardMillisecondsPerImage: Double
    public var optimizerMillisecondsPerImage: Double
    /// The script's first line, e.g. `torch 2.13.0+cpu, threads 1`.
    public var version: String

    /// Why the script gave no figures.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `python3 script --steps steps --warmup warmup --batch-sizes batchSize` with one
    /// OpenMP/MKL thread and parses its JSON line.
    /// - Throws: ``Failure`` naming the script and its output when it cannot run or prints no
    ///   result (e.g. torch is not installed).
    public static func run(script: String, batchSize: Int, steps: Int, warmup: Int) throws
        -> PyTorchReference
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, "--steps", "\(steps)", "--warmup", "\(warmup)", "--batch-sizes",
            "\(batchSize)",
        ]
        var environment = ProcessInfo.processInfo.environment
        for name in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"] {
            environment[name] = "1"
        }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(script): cannot start python3: \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        guard process.terminationStatus == 0,
            let line = lines.last(where: { $0.hasPrefix("{") }),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
                as? [String: Any],
            let rate = object["images_per_second"] as? Double
        else {
            let tail = lines.suffix(3).joined(separator: " | ")
            throw Failure(
                description:
                    "\(script) (exit \(process.terminationStatus)) printed no result: \(tail)")
        }
        func number(_ key: String) -> Double { object[key] as? Double ?? 0 }
        return PyTorchReference(
            batchSize: batchSize, imagesPerSecond: rate,
            forwardMillisecondsPerImage: number("forward_ms_per_image"),
            backwardMillisecondsPerImage: number("backward_ms_per_image"),
            optimizerMillisecondsPerImage: number("optimizer_ms_per_image"),
            version: lines.first ?? "")
    }
}
