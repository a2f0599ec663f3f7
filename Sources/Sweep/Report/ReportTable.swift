import Trainer

/// The ranking as the report's sortable table: every ranked trial with its parameters, state,
/// epochs, seconds and every stored metric.
public struct ReportTable: Encodable, Sendable, Equatable {
    /// A table cell: a number (null when undefined) or text.
    public enum Cell: Encodable, Sendable, Equatable {
        case number(Double?)
        case text(String)

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let text): try container.encode(text)
            }
        }
    }

    /// At most this many rows (the best ranked) go into the page, so a huge sweep's page stays
    /// quick to open; `sweep-cli export` writes them all.
    public static let maxRows = 2000

    public var columns: [String]
    public var rows: [[Cell]]
    /// Says how many rows were left out, when some were.
    public var note: String?

    /// The columns name the parameters in `received` (``SweepSpec/receivedParameters``).
    init(ranking: [RankedTrial], received: Set<Hyperparameter> = Hyperparameter.builtIns) {
        let parameters = ReportParameter.all(
            for: ranking.map(\.trial.config.parameters), received: received)
        columns =
            ["rank", "trial"] + parameters.map(\.name)
            + ["state", "epochs", "seconds", "images_per_second"]
            + DetectionMetric.allCases.map(\.name)
        if ranking.count > Self.maxRows {
            note =
                "the best \(Self.maxRows) of \(ranking.count) ranked trials; "
                + "`sweep-cli export` writes them all"
        }
        rows = ranking.prefix(Self.maxRows).map { ranked in
            let trial = ranked.trial
            let p = trial.config.parameters
            return [.number(Double(ranked.rank)), .number(Double(trial.index))]
                + parameters.map { parameter in
                    parameter.categories == nil
                        ? .number(parameter.value(of: p)) : .text(parameter.text(of: p))
                }
                + [
                    .text(trial.state.rawValue), .number(Double(trial.epochsReached)),
                    .number(trial.seconds.flatMap(Self.finite)),
                    .number(trial.imagesPerSecond.flatMap(Self.finite)),
                ]
                + DetectionMetric.allCases.map { metric in
                    let value = ranked.metrics[metric]
                    return .number(Ranking.isDefined(value) ? value : nil)
                }
        }
    }

    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
