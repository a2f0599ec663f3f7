import Foundation

/// Writes RFC 4180 CSV: records end in CRLF; a field containing a comma, a double quote, CR or LF
/// is wrapped in double quotes with its quotes doubled; other fields are written as they are.
/// Python's `csv` module and pandas read the output unchanged.
public struct CSVWriter: Sendable {
    /// The document written so far.
    public private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\r\n"
    }

    /// `field` as it appears in a record: quoted when it contains `,`, `"`, CR or LF.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { scalar in
            scalar == "," || scalar == "\"" || scalar == "\r" || scalar == "\n"
        }
        guard needsQuotes else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
