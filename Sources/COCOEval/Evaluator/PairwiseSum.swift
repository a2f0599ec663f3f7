/// numpy's pairwise summation (`np.add.reduce` on a contiguous float64 array), reproduced so that
/// means match `np.mean` bit for bit.
enum PairwiseSum {
    /// The sum of `values` in numpy's pairwise order.
    static func sum(_ values: UnsafeBufferPointer<Double>) -> Double {
        let n = values.count
        if n < 8 {
            var total = -0.0
            for value in values { total += value }
            return total
        }
        if n <= 128 {
            var s0 = values[0]
            var s1 = values[1]
            var s2 = values[2]
            var s3 = values[3]
            var s4 = values[4]
            var s5 = values[5]
            var s6 = values[6]
            var s7 = values[7]
            var i = 8
            while i < n - n % 8 {
                s0 += values[i]
                s1 += values[i + 1]
                s2 += values[i + 2]
                s3 += values[i + 3]
                s4 += values[i + 4]
                s5 += values[i + 5]
                s6 += values[i + 6]
                s7 += values[i + 7]
                i += 8
            }
            var total = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))
            while i < n {
                total += values[i]
                i += 1
            }
            return total
        }
        var half = n / 2
        half -= half % 8
        return sum(UnsafeBufferPointer(rebasing: values[..<half]))
            + sum(UnsafeBufferPointer(rebasing: values[half...]))
    }

    /// `np.mean(values)`: the pairwise sum divided by the count. Empty input is a programmer error.
    static func mean(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "PairwiseSum.mean of an empty array")
        return values.withUnsafeBufferPointer { sum($0) } / Double(values.count)
    }
}
