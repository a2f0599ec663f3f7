import Foundation

/// Durations in sweep files and `run` options: `90s`, `30m`, `8h`, `1d`, combinations such as
/// `1h30m`, or a plain number of seconds (`5400`, `2.5`).
enum DurationParser {
    /// The longest duration accepted anywhere (time budget, trial timeout, grace): 365 days.
    /// Longer ones are typos (`1e19`) and would overflow the clocks they are turned into.
    static let maximumSeconds: Double = 365 * 86_400
    /// ``maximumSeconds`` as error messages state it.
    static let maximumRequirement = "must be at most 365d (31536000 seconds)"

    /// Seconds, or `nil` when the text is not a duration.
    static func seconds(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Double(text) { return plain.isFinite ? plain : nil }
        let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        let order: [Character] = ["d", "h", "m", "s"]
        var total = 0.0
        var digits = ""
        var lastUnit = -1
        for character in text {
            if character.isNumber || character == "." {
                digits.append(character)
                continue
            }
            guard let unit = units[character], let position = order.firstIndex(of: character),
                position > lastUnit, let amount = Double(digits)
            else { return nil }
            total += amount * unit
            lastUnit = position
            digits = ""
        }
        guard digits.isEmpty, lastUnit >= 0, total.isFinite else { return nil }
        return total
    }
}
