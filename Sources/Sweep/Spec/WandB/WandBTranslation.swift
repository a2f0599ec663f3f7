import Yams

/// A sweep file's node tree in this project's vocabulary, with how each W&B key was read.
struct WandBTranslation {
    /// The tree the native parser reads; the file's own tree when it is not a W&B file.
    var root: Node
    /// One line per W&B key: how it was read (empty for a native file).
    var notes: [String] = []
    /// The program the file runs (`program:` / `command:`), nil when it names none.
    var program: Program?

    /// A W&B file's training program.
    struct Program {
        /// The argument list, with `{parameter}` placeholders.
        var arguments: [String]
        /// The `program:` (or `command:`) key, where errors about it point.
        var keyNode: Node
    }
}
