/// A trial's stable identity: FNV-1a 64-bit of a canonical text, as 16 lowercase hex digits.
///
/// The text is `sweep=<name>\nparams=<canonical parameters>\nseed=<seed>`, plus `\nindex=<i>` for
/// random search (where two draws may coincide). It uses no `hashValue`, so the key is the same in
/// every process and on every platform, and re-planning the same file gives the same keys.
public enum TrialKey {
    public static func make(
        sweep: String, parameters: TrialParameters, seed: UInt64, index: Int? = nil
    ) -> String {
        var text = "sweep=\(sweep)\nparams=\(parameters.canonicalDescription)\nseed=\(seed)"
        if let index { text += "\nindex=\(index)" }
        let hash = fnv1a64(text)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
