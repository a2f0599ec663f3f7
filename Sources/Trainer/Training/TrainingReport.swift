import Foundation

/// The text `sweep-cli train` prints: one progress line per epoch, a summary, and the final
/// JSON object (`status`, `epochs`, `seconds`, `images_per_second`, `reason` when set, and every
/// ``DetectionMetrics`` key when the run was evaluated).
public enum TrainingReport {
    /// `epoch 3/10  loss 1.2345  ap_small 0.2100  ap50_small 0.4300  ap 0.2500  4.1 s`.
    public static func line(_ report: EpochReport, of epochs: Int) -> String {
        let m = report.metrics
        return "epoch \(report.epoch)/\(epochs)  loss \(fixed(report.loss, 4))  "
            + "ap_small \(fixed(m.apSmall, 4))  ap50_small \(fixed(m.ap50Small, 4))  "
            + "ap \(fixed(m.ap, 4))  \(fixed(report.seconds, 1)) s"
    }

    /// Human-readable final lines: status, the main metrics, time and throughput.
    public static func summary(_ result: TrainingResult) -> String {
        var lines = ["status: \(result.status.rawValue) after \(result.epochs) epochs"]
        if let reason = result.reason { lines.append("reason: \(reason)") }
        if let m = result.metrics {
            lines.append(
                "ap \(fixed(m.ap, 4))  ap50 \(fixed(m.ap50, 4))  ap75 \(fixed(m.ap75, 4))  "
                    + "ap_small \(fixed(m.apSmall, 4))  ap50_small \(fixed(m.ap50Small, 4))  "
                    + "ar100 \(fixed(m.ar100, 4))")
        }
        lines.append(
            "\(fixed(result.seconds, 1)) s, \(fixed(result.imagesPerSecond, 1)) train images/s")
        return lines.joined(separator: "\n")
    }

    /// One line of JSON with sorted keys.
    public static func json(_ result: TrainingResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Flat(result))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// The result with its metrics flattened into the top-level object.
    private struct Flat: Encodable {
        let result: TrainingResult

        init(_ result: TrainingResult) {
            self.result = result
        }

        enum CodingKeys: String, CodingKey {
            case status, epochs, seconds, reason
            case imagesPerSecond = "images_per_second"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(result.status, forKey: .status)
            try c.encode(result.epochs, forKey: .epochs)
            try c.encode(result.seconds, forKey: .seconds)
            try c.encode(result.imagesPerSecond, forKey: .imagesPerSecond)
            try c.encodeIfPresent(result.reason, forKey: .reason)
            try result.metrics?.encode(to: encoder)
        }
    }
}
