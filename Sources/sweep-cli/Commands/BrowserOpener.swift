import Foundation

/// `report --open`: hands the written file to the desktop's `xdg-open`, found on `PATH`, and does
/// not wait for the browser. Opening is a convenience: when it cannot happen the report is still
/// written, and the line returned says where it is and why it was not opened.
enum BrowserOpener {
    /// The program that opens a file in the user's default application.
    static let program = "xdg-open"

    /// Starts `xdg-open PATH`; returns the line to print.
    static func open(_ path: String) -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "")
            .split(separator: ":").map(String.init)
        guard
            let executable = folders.map({ $0 + "/" + program })
                .first(where: { access($0, X_OK) == 0 })
        else {
            return "cannot open \(path): \(program) is not installed (Debian: apt-get install "
                + "xdg-utils); open it in a browser"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [path]
        do {
            try process.run()
        } catch {
            return "cannot open \(path) (\(executable): \(error)); open it in a browser"
        }
        return "opening \(path) with \(executable)"
    }
}
