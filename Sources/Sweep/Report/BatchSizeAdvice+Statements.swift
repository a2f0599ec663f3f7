extension BatchSizeAdvice {
    /// The verdicts in words, or why the sweep cannot tell.
    static func statements(
        rows: [Row], usable: [Row], lr: Fit?, trend: Fit?, objective: String
    ) -> [String] {
        let minimum = minimumTrialsPerBatchSize
        if rows.count < 2 {
            let found = rows.isEmpty ? "no batch size has" : "only 1 batch size has"
            return [
                "\(found) ranked trials: the sweep cannot tell how batch size matters; search "
                    + "at least two batch sizes"
            ]
        }
        var lines: [String] = []
        let thin = rows.filter { $0.trials < minimum }.map { String($0.batchSize) }
        if !thin.isEmpty {
            lines.append(
                "too few trials to tell at batch size \(thin.joined(separator: ", ")) "
                    + "(fewer than \(minimum) ranked trials each): left out of the fits")
        }
        if usable.count < 2 {
            lines.append(
                "too few trials per batch size to fit lr* ∝ batch^k: need at least 2 batch "
                    + "sizes with \(minimum) or more ranked trials each")
            return lines
        }
        if let lr {
            lines.append(lrVerdict(lr))
        } else {
            lines.append("the best lr does not vary with batch size: no fit of lr* ∝ batch^k")
        }
        if let trend {
            let change = ReportFormat.fixed(trend.slope, decimals: 4)
            var text =
                "best \(objective) changes by \(change) per doubling of batch size"
            if let lower = trend.lower, let upper = trend.upper {
                text +=
                    " (95 % interval \(ReportFormat.fixed(lower, decimals: 4)) to "
                    + "\(ReportFormat.fixed(upper, decimals: 4)))"
                if upper < 0 { text += ": it falls with batch size" }
                if lower > 0 { text += ": it rises with batch size" }
            }
            lines.append(text)
        }
        let losses = usable.map { "batch \($0.batchSize): \($0.bestLoss)" }
        lines.append("best loss per batch size: " + losses.joined(separator: ", "))
        return lines
    }

    private static func lrVerdict(_ fit: Fit) -> String {
        let k = ReportFormat.fixed(fit.slope, decimals: 2)
        guard let lower = fit.lower, let upper = fit.upper else {
            return "lr* ∝ batch^k with k ≈ \(k) from 2 batch sizes: no interval "
                + "(needs 3 or more batch sizes)"
        }
        let interval =
            "k = \(k), 95 % interval \(ReportFormat.fixed(lower, decimals: 2)) "
            + "to \(ReportFormat.fixed(upper, decimals: 2))"
        var rules: [String] = []
        if lower <= 1 && 1 <= upper { rules.append("the linear scaling rule (k = 1)") }
        if lower <= 0.5 && 0.5 <= upper { rules.append("square-root scaling (k = 0.5)") }
        if lower <= 0 && 0 <= upper { rules.append("no scaling (k = 0)") }
        if rules.isEmpty { return "lr* ∝ batch^k with \(interval): neither linear nor square-root" }
        return "lr* ∝ batch^k with \(interval): consistent with " + rules.joined(separator: ", ")
    }
}
