/// Why a `sweep-cli export` CSV cannot serve as a search benchmark table.
public enum SearchTableError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read as UTF-8 text.
    case unreadable(file: String)
    /// The header lacks a needed column (a parameter or the objective).
    case missingColumn(file: String, column: String)
    /// A record has a different number of fields than the header.
    case fieldCount(file: String, line: Int, expected: Int, found: Int)
    /// A field that should hold a number (or a loss name) does not.
    case badValue(file: String, line: Int, column: String, text: String)
    /// The table has no trial.
    case empty(file: String)
    /// Two records hold the same configuration.
    case duplicate(file: String, line: Int, config: String)
    /// Some combination of the table's distinct values has no record, so a proposal could miss.
    case notAFullGrid(file: String, configs: Int, expected: Int)

    public var description: String {
        switch self {
        case .unreadable(let file):
            "\(file): cannot read the table; expected a sweep-cli export CSV"
        case .missingColumn(let file, let column):
            "\(file): no column '\(column)' in the header; expected a sweep-cli export CSV"
        case .fieldCount(let file, let line, let expected, let found):
            "\(file):\(line): \(found) fields, expected \(expected) as in the header"
        case .badValue(let file, let line, let column, let text):
            "\(file):\(line): \(column): '\(text)' is not a valid value"
        case .empty(let file):
            "\(file): no trials; expected the export of a completed full grid"
        case .duplicate(let file, let line, let config):
            "\(file):\(line): configuration \(config) appears twice"
        case .notAFullGrid(let file, let configs, let expected):
            "\(file): \(configs) configurations, but the distinct values make \(expected); "
                + "expected the export of a completed full grid (at most a tenth of it diverged "
                + "or failed)"
        }
    }
}
