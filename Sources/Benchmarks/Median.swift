/// The median every benchmark reports, so their figures are comparable.
enum Median {
    /// The middle value of `values`, or the mean of the middle two for an even count; 0 when
    /// `values` is empty.
    static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
