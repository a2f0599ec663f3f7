/// FNV-1a, 64-bit: the dataset cache's checksums and fingerprints (not cryptographic).
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        value = hash
    }

    mutating func add(_ text: String) {
        var copy = text + "\u{0}"
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// ``value`` as 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
