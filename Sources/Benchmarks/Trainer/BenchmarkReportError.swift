/// Why a benchmark report could not be written as JSON.
public enum BenchmarkReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A measured or reported number is NaN or infinite (e.g. a PyTorch reference reporting 0
    /// images/s makes the ratio infinite); JSON has no literal for it.
    case nonFiniteNumber(key: String, value: Double)
    /// Foundation refused the object.
    case encoding(reason: String)

    public var description: String {
        switch self {
        case .nonFiniteNumber(let key, let value):
            "cannot write the benchmark report as JSON: \(key) is \(value)"
        case .encoding(let reason): "cannot write the benchmark report as JSON: \(reason)"
        }
    }
}
