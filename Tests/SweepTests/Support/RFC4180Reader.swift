/// A minimal RFC 4180 reader for the tests: quoted fields may hold commas, doubled quotes and line
/// breaks; records end in CRLF (a lone LF is accepted too). Returns nil on malformed input.
enum RFC4180Reader {
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { return nil }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                record.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                fallthrough
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldWasQuoted = false
            default:
                guard !fieldWasQuoted else { return nil }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { return nil }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
