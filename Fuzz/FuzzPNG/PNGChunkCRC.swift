/// Rewrites the CRC of every complete chunk of a PNG so that mutated chunk data still passes
/// libpng's CRC check (which the simplified `png_image` API cannot turn off); without it almost
/// every mutation stops at the first chunk and the fuzzer never reaches the decoder.
enum PNGChunkCRC {
    /// `bytes` with each chunk's CRC recomputed; an incomplete last chunk is left as it is.
    static func fixed(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var offset = 8
        while offset + 12 <= output.count {
            let length = output[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = offset + 8 + length
            guard end + 4 <= output.count else { break }
            let crc = checksum(output[(offset + 4)..<end])
            for index in 0..<4 {
                output[end + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index))
            }
            offset = end + 4
        }
        return output
    }

    /// CRC-32 (ISO 3309, as PNG uses it) of a chunk's type and data.
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { (value: UInt32) in
        (0..<8).reduce(value) { crc, _ in crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
}
