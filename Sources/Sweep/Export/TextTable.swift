/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .right) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row; it must have one cell per column.
    public mutating func append(_ cells: [String]) {
        precondition(
            cells.count == columns.count,
            "TextTable row has \(cells.count) cells for \(columns.count) columns")
        rows.append(cells)
    }

    /// The header line followed by one line per row, columns separated by two spaces, trailing
    /// spaces trimmed; each line ends in a newline.
    public func render() -> String {
        let all = [columns.map(\.title)] + rows
        let widths = columns.indices.map { column in
            all.map { $0[column].count }.max() ?? 0
        }
        var text = ""
        for cells in all {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return columns[column].alignment == .left ? cell + padding : padding + cell
            }
            var line = padded.joined(separator: "  ")
            while line.last == " " {
                line.removeLast()
            }
            text += line + "\n"
        }
        return text
    }
}
