/// Where an image's planar CHW pixels live: float32 in `0...1` (the synthetic set), or bytes
/// (decoded YOLO images, in memory or mapped from a dataset cache) read as `byte / 255` — the
/// float copy of a byte image exists only per batch, never for the whole set.
public enum ImagePixels: Sendable {
    case floats([Float])
    case bytes(BytePixels)

    /// The number of values (`3 × height × width`).
    public var count: Int {
        switch self {
        case .floats(let values): values.count
        case .bytes(let bytes): bytes.count
        }
    }

    /// Writes the pixels as floats in `0...1` to `destination` (``count`` values).
    public func copy(into destination: UnsafeMutablePointer<Float>) {
        copy(from: 0, count: count, into: destination)
    }

    /// Writes the `count` values from index `start` as floats in `0...1` to `destination`.
    public func copy(from start: Int, count: Int, into destination: UnsafeMutablePointer<Float>) {
        precondition(start >= 0 && count >= 0 && start <= self.count - count)
        switch self {
        case .floats(let values):
            values.withUnsafeBufferPointer {
                destination.update(from: $0.baseAddress! + start, count: count)
            }
        case .bytes(let bytes):
            bytes.withBytes { source in
                for i in 0..<count {
                    destination[i] = Float(source[start + i]) / 255
                }
            }
        }
    }

    /// The pixels as a float array (a copy for byte images).
    public var floats: [Float] {
        switch self {
        case .floats(let values): return values
        case .bytes(let bytes):
            return [Float](unsafeUninitializedCapacity: bytes.count) { buffer, initialised in
                copy(into: buffer.baseAddress!)
                initialised = bytes.count
            }
        }
    }
}

/// A run of `count` bytes of a shared ``ByteBuffer``: one image's planar CHW pixels.
public struct BytePixels: Sendable {
    let buffer: ByteBuffer
    let offset: Int
    public let count: Int

    init(buffer: ByteBuffer, offset: Int, count: Int) {
        precondition(
            offset >= 0 && count >= 0 && offset <= buffer.count - count,
            "BytePixels: \(offset) + \(count) is outside the \(buffer.count)-byte buffer")
        self.buffer = buffer
        self.offset = offset
        self.count = count
    }

    /// A private copy of `bytes`.
    public init(copying bytes: [UInt8]) {
        self.init(buffer: ByteBuffer(copying: bytes), offset: 0, count: bytes.count)
    }

    /// Calls `body` with the bytes.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(
            UnsafeBufferPointer(
                start: (buffer.base + offset).assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// The bytes as an array (a copy).
    public var array: [UInt8] { withBytes { Array($0) } }
}
