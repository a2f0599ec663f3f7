import Foundation
import Sweep
import Trainer

/// A completed full grid as a look-up table: the objective of every configuration, read from a
/// `sweep-cli export` CSV. The search space is the distinct values of `lr`, `weight_decay`,
/// `batch_size` and `loss` (each a `values:` list, in order of first appearance).
///
/// A config of the grid with no row is one that diverged or failed in the grid run (the export
/// ranks only completed and pruned trials): looking it up is a failed trial, as a live sweep's
/// model sees it. At most a tenth of the grid may be absent, so a `--top N` export is refused.
public struct SearchTable: Sendable {
    public let space: [Hyperparameter: ParameterDomain]
    /// The objective of every config with a row.
    public let objectives: [TrialParameters: Double]
    /// Every config of the grid the distinct values span, rows or not.
    public let configs: Int

    /// Configs of the grid without a row: diverged or failed in the grid run.
    public var absent: Int { configs - objectives.count }

    /// The best objective in the table (maximised).
    public var best: Double { objectives.values.max() ?? 0 }

    /// Reads and parses the CSV file at `path`.
    public init(contentsOf path: String, objective: String) throws(SearchTableError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path)
        }
        try self.init(csv: String(decoding: data, as: UTF8.self), file: path, objective: objective)
    }

    /// Parses `text`, the CSV of `file`, taking `objective` (a column name) as the objective.
    public init(csv text: String, file: String, objective: String) throws(SearchTableError) {
        let records = Self.records(text)
        guard let header = records.first else { throw .empty(file: file) }
        func column(_ name: String) throws(SearchTableError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw .missingColumn(file: file, column: name)
            }
            return index
        }
        // Remedy columns are optional: a table without them ran at the trainer's defaults.
        let searched =
            Self.parameters
            + Hyperparameter.remedies.filter {
                header.contains($0.rawValue)
            }
        let parameterColumns = try searched.map { parameter throws(SearchTableError) in
            (parameter, try column(parameter.rawValue))
        }
        let objectiveColumn = try column(objective)
        var objectives: [TrialParameters: Double] = [:]
        var distinct: [Hyperparameter: [ParameterValue]] = [:]
        for (offset, fields) in records.dropFirst().enumerated() where fields != [""] {
            let line = offset + 2
            guard fields.count == header.count else {
                throw .fieldCount(
                    file: file, line: line, expected: header.count, found: fields.count)
            }
            var parameters = TrialParameters(lr: 0, weightDecay: 0, batchSize: 0, loss: .mse)
            for (parameter, index) in parameterColumns {
                let value = try Self.value(
                    fields[index], of: parameter, file: file, line: line)
                parameters.set(parameter, to: value)
                if !(distinct[parameter] ?? []).contains(value) {
                    distinct[parameter, default: []].append(value)
                }
            }
            guard let score = Double(fields[objectiveColumn]), score.isFinite else {
                throw .badValue(
                    file: file, line: line, column: objective, text: fields[objectiveColumn])
            }
            guard objectives[parameters] == nil else {
                throw .duplicate(
                    file: file, line: line, config: parameters.canonicalDescription)
            }
            objectives[parameters] = score
        }
        guard !objectives.isEmpty else { throw .empty(file: file) }
        let expected = distinct.values.reduce(1) { $0 * $1.count }
        guard objectives.count * 10 >= expected * 9 else {
            throw .notAFullGrid(file: file, configs: objectives.count, expected: expected)
        }
        self.objectives = objectives
        configs = expected
        space = distinct.mapValues { .values($0) }
    }

    /// The searched columns: the unconditional hyperparameters.
    static let parameters: [Hyperparameter] = [.lr, .weightDecay, .batchSize, .loss]

    private static func value(
        _ text: String, of parameter: Hyperparameter, file: String, line: Int
    ) throws(SearchTableError) -> ParameterValue {
        switch parameter {
        case .loss:
            guard LossKind(rawValue: text) != nil else {
                throw .badValue(file: file, line: line, column: parameter.rawValue, text: text)
            }
            return .text(text)
        case .attention:
            guard AttentionKind(rawValue: text) != nil else {
                throw .badValue(file: file, line: line, column: parameter.rawValue, text: text)
            }
            return .text(text)
        case .batchSize:
            guard let number = Int(text), number > 0 else {
                throw .badValue(file: file, line: line, column: parameter.rawValue, text: text)
            }
            return .integer(number)
        default:
            guard let number = Double(text), number.isFinite else {
                throw .badValue(file: file, line: line, column: parameter.rawValue, text: text)
            }
            return .number(number)
        }
    }

    /// RFC 4180 records: fields split on commas outside double quotes, `""` an escaped quote.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var closedQuote = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    closedQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if closedQuote { field.append("\"") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            default:
                field.append(character)
            }
            closedQuote = false
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }
}
