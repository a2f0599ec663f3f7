import Foundation
import Trainer

/// The worker protocol as a command trainer may speak it: the embedded worker's
/// ``WorkerMessage`` lines, with every field optional but `epoch`'s epoch number, and the metrics
/// either under `metrics` or beside the other fields:
/// `{"epoch": {"epoch": 3, "ap_small": 0.12}}`, `{"result": {"ap_small": 0.2}}`,
/// `{"error": "why"}`. A metric left out reads as NaN (stored as not reported); `loss`,
/// `seconds` and `images_per_second` left out read as NaN, 0 and 0. Other numeric keys are the
/// program's own metrics (`val_loss`); other keys are ignored.
public enum CommandMessage {
    /// The message on `line`, nil when the line is not one (a program's own log line).
    public static func decode(_ line: String) -> WorkerMessage? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(Line.self, from: Data(line.utf8)).message
    }

    private struct Line: Decodable {
        var message: WorkerMessage

        enum CodingKeys: String, CodingKey {
            case epoch, result, error
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let epoch = try container.decodeIfPresent(Epoch.self, forKey: .epoch) {
                message = .epoch(epoch.report)
            } else if let result = try container.decodeIfPresent(Result.self, forKey: .result) {
                message = .result(result.result)
            } else if let text = try container.decodeIfPresent(String.self, forKey: .error) {
                message = .error(text)
            } else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: "expected one of the keys 'epoch', 'result', 'error'"))
            }
        }
    }

    /// The protocol's own keys of an `epoch` or `result` message: never a metric's name.
    /// `loss` is not one of them: an epoch's `loss` is its training loss and also, like any
    /// other number, a metric of the program's own, so `objective: {name: loss, goal:
    /// minimize}` (W&B's usual metric) ranks by it.
    public static let fieldNames = Set(Field.allCases.map(\.stringValue)).subtracting([
        Field.loss.stringValue
    ])

    private enum Field: String, CodingKey, CaseIterable {
        case epoch, epochs, loss, seconds, metrics, status, reason
        case imagesPerSecond = "images_per_second"
    }

    private struct Epoch: Decodable {
        var report: EpochReport

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: Field.self)
            report = EpochReport(
                epoch: try fields.decode(Int.self, forKey: .epoch),
                loss: try fields.decodeIfPresent(Double.self, forKey: .loss) ?? .nan,
                metrics: try PartialMetrics.decode(from: decoder),
                seconds: try fields.decodeIfPresent(Double.self, forKey: .seconds) ?? 0)
        }
    }

    private struct Result: Decodable {
        var result: TrainingResult

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: Field.self)
            result = TrainingResult(
                status: try fields.decodeIfPresent(TrainingStatus.self, forKey: .status)
                    ?? .completed,
                epochs: try fields.decodeIfPresent(Int.self, forKey: .epochs) ?? 0,
                metrics: try PartialMetrics.decode(from: decoder),
                seconds: try fields.decodeIfPresent(Double.self, forKey: .seconds) ?? 0,
                imagesPerSecond: try fields.decodeIfPresent(Double.self, forKey: .imagesPerSecond)
                    ?? 0,
                reason: try fields.decodeIfPresent(String.self, forKey: .reason))
        }
    }

    /// The metrics under `metrics`, or else beside the other fields; NaN for each COCO one left
    /// out. Other numeric keys are the program's own metrics (``DetectionMetrics/reported``).
    private enum PartialMetrics {
        static func decode(from decoder: any Decoder) throws -> DetectionMetrics {
            let fields = try decoder.container(keyedBy: Field.self)
            let nested = fields.contains(.metrics)
            let source = nested ? try fields.superDecoder(forKey: .metrics) : decoder
            let metrics = try source.container(keyedBy: DetectionMetric.self)
            var result = try DetectionMetrics { metric in
                try metrics.decodeIfPresent(Double.self, forKey: metric) ?? .nan
            }
            result.reported = try DetectionMetrics.reported(
                in: source, excluding: nested ? [] : fieldNames)
            return result
        }
    }
}
