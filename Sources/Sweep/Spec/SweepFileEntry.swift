import Yams

/// One `key: value` pair of a YAML mapping, with the dotted path of its key.
struct SweepFileEntry {
    let key: String
    let keyNode: Node
    let value: Node
    let keyPath: String
}
