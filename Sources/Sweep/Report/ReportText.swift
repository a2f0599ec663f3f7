import Foundation

/// The terminal output of `sweep-cli importance` and `advise`, as text or JSON.
public enum ReportText {
    /// `importance`'s table for `objective`, or why there is none.
    public static func importance(
        _ entries: [FanovaImportance.Entry]?, sweep: String, objective: String
    ) -> String {
        guard let entries else {
            return "sweep '\(sweep)': not enough to tell parameter importance: fANOVA needs at "
                + "least 2 completed trials whose \(objective) differs\n"
        }
        var table = TextTable(columns: [.init("parameter", .left), .init("importance")])
        for entry in entries {
            table.append([entry.parameter, ReportFormat.fixed(entry.importance, decimals: 3)])
        }
        return "sweep '\(sweep)': fANOVA importance for \(objective) "
            + "(64 trees, sums to 1)\n" + table.render()
    }

    /// `advise`'s table and verdicts.
    public static func advice(_ advice: BatchSizeAdvice, sweep: String) -> String {
        var text =
            "sweep '\(sweep)': batch-size advice from its ranked trials, "
            + "by \(advice.objective)\n"
        if !advice.rows.isEmpty {
            var table = TextTable(
                columns: [
                    .init("batch_size"), .init("trials"), .init("best_trial"), .init("best_lr"),
                    .init("best_" + advice.objective), .init("best_loss", .left),
                ])
            for row in advice.rows {
                table.append([
                    String(row.batchSize), String(row.trials), String(row.bestTrial),
                    row.bestLR.description, ReportFormat.fixed(row.bestObjective, decimals: 4),
                    row.bestLoss,
                ])
            }
            text += table.render()
        }
        return text + advice.statements.map { "- \($0)\n" }.joined()
    }

    /// `value` as pretty-printed JSON with sorted keys, ending in a newline.
    public static func json<T: Encodable>(_ value: T) throws(ReportError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw .encoding(reason: String(describing: error))
        }
    }
}
