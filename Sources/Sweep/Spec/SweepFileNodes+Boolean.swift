import Yams

extension SweepFileNodes {
    /// `true`/`false` (also `yes`/`no`, `on`/`off`, any case), written unquoted.
    func boolean(_ node: Node, _ keyPath: String) throws(SweepFileError) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        throw error(.wrongType(expected: "true or false"), at: node, keyPath, value: shown(node))
    }
}
