import Foundation

/// How numbers, durations and dates read in the terminal reports (never locale-dependent).
public enum ReportFormat {
    /// A metric with 4 decimals, or `-` when undefined (pycocotools' -1, NaN).
    public static func metric(_ value: Double) -> String {
        metric(value, of: .default)
    }

    /// A value of `objective`'s metric with 4 decimals, or `-` when undefined for it (see
    /// ``Objective/isDefined(_:)``: a reported metric may be negative).
    public static func metric(_ value: Double, of objective: Objective) -> String {
        objective.isDefined(value) ? fixed(value, decimals: 4) : "-"
    }

    /// `value` with a fixed number of decimals, in the POSIX format.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", locale: nil, value)
    }

    /// A duration as `42.1s`, `3m05s` or `2h03m`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else {
            return "-"
        }
        if seconds < 60 {
            return fixed(seconds, decimals: 1) + "s"
        }
        let whole = Int(seconds.rounded(.down))
        if whole < 3600 {
            return "\(whole / 60)m" + twoDigits(whole % 60) + "s"
        }
        return "\(whole / 3600)h" + twoDigits(whole / 60 % 60) + "m"
    }

    /// A date in ISO 8601, UTC: `2026-11-24T23:25:43Z`.
    public static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
