import Trainer

/// One `key: value` pair of a sweep file's mapping, with the dotted path of its key.
typealias SweepFileEntry = YAMLEntry
