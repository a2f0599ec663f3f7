import Foundation

/// The report as one self-contained HTML page: style, Chart.js, the report's JSON and the fixed
/// script all inline. A Content-Security-Policy forbids every request (scripts and styles may
/// only be inline, images only `data:`), so the page works offline and cannot leak anything.
public enum ReportHTML {
    /// Where Debian's `libjs-chart.js` installs Chart.js.
    public static let defaultChartJSPath = "/usr/share/javascript/chart.js/chart.min.js"

    /// The sections of the page, in order, with their headings.
    static let sections: [(id: String, heading: String?)] = [
        ("title", nil), ("summary", "Summary"), ("ranking", "Ranking (click a column to sort)"),
        ("history", "Optimisation history"), ("parameters", "Parallel coordinates"),
        ("slices", "Slices"), ("heatmaps", "Batch size × loss, lr × batch size"),
        ("curves", "Learning curves"), ("importance", "Parameter importance (fANOVA)"),
        ("pareto", "Pareto front: objective against training seconds"),
        ("timeline", "Worker timeline"), ("advice", "Batch-size advice"),
    ]

    /// Reads Chart.js from `path`; ``ReportError/chartJSMissing(path:)`` when it is not there.
    public static func loadChartJS(path: String = defaultChartJSPath) throws(ReportError) -> String
    {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .chartJSMissing(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw .chartJSUnusable(path: path, reason: "not readable UTF-8 text") }
        guard !text.lowercased().contains("</script") else {
            throw .chartJSUnusable(path: path, reason: "it contains '</script'")
        }
        return text
    }

    /// The page for `report`, with `chartJS` (the library's source) inlined.
    public static func render(_ report: SweepReport, chartJS: String) throws(ReportError) -> String
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let json: String
        do {
            json = String(decoding: try encoder.encode(report), as: UTF8.self)
        } catch {
            throw .encoding(reason: String(describing: error))
        }
        // `<` only occurs inside JSON strings, where `\u003c` means the same: the data can never
        // close its script element.
        let safeJSON = json.replacingOccurrences(of: "<", with: "\\u003c")
        let refresh: String =
            report.refreshSeconds.map { (seconds: Int) -> String in
                "<meta http-equiv=\"refresh\" content=\"\(seconds)\">\n"
            } ?? ""
        let body = sections.map { section -> String in
            let heading = section.heading.map { "<h2>\($0)</h2>" } ?? ""
            return "<section id=\"section-\(section.id)\">\(heading)</section>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
            script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
            \(refresh)<title>sweep report</title>
            <style>\(ReportScript.style)</style>
            </head>
            <body>
            \(body)
            <pre id="report-problems"></pre>
            <script>\(chartJS)</script>
            <script type="application/json" id="report-data">\(safeJSON)</script>
            <script>\(ReportScript.script)</script>
            </body>
            </html>

            """
    }
}
