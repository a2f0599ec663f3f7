/// Why a report could not be written.
public enum ReportError: Error, Sendable, Equatable {
    /// Chart.js is not at `path` (Debian's `libjs-chart.js` is not installed).
    case chartJSMissing(path: String)
    /// Chart.js at `path` cannot be read or cannot be inlined.
    case chartJSUnusable(path: String, reason: String)
    /// The report's data could not be encoded as JSON.
    case encoding(reason: String)
}

extension ReportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .chartJSMissing(let path):
            "\(path): Chart.js is not installed; install it with "
                + "`apt-get install -y libjs-chart.js` (or run scripts/setup.sh)"
        case .chartJSUnusable(let path, let reason):
            "\(path): cannot inline Chart.js: \(reason)"
        case .encoding(let reason):
            "cannot encode the report's data: \(reason)"
        }
    }
}
