#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Immutable bytes that images point into: a copy in memory, or a read-only shared mapping of a
/// dataset cache file (so processes that map the same file share its pages). Unmapped or freed
/// when the last image referring to it goes.
final class ByteBuffer: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool

    /// A private copy of `bytes`.
    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 64)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        base = UnsafeRawPointer(memory)
        count = bytes.count
        mapped = false
    }

    /// Takes over a mapping made with `mmap` of `count` bytes at `base`.
    init(mapping base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
