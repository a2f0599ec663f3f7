import Yams

/// One `key: value` pair of a YAML mapping, with the dotted path of its key.
public struct YAMLEntry {
    public let key: String
    public let keyNode: Node
    public let value: Node
    public let keyPath: String
}
