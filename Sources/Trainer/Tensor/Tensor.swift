/// A 4-D float32 tensor in NCHW layout (batch, channels, height, width), row-major, owning one
/// heap buffer.
///
/// A reference type on purpose: layers keep their outputs and gradients in preallocated tensors
/// and hand them to the next layer without copies. ``reshape(_:_:_:_:)`` only reallocates when
/// the new shape needs more elements than ever before, so a training loop whose last batch is
/// smaller allocates nothing after the first batch. Not thread-safe; one tensor belongs to one
/// training run.
public final class Tensor {
    public private(set) var n: Int
    public private(set) var c: Int
    public private(set) var h: Int
    public private(set) var w: Int
    /// The first `count` elements hold the values, NCHW.
    public private(set) var data: UnsafeMutablePointer<Float>
    private var capacity: Int

    /// A zero-filled tensor of shape `n × c × h × w`.
    public init(_ n: Int, _ c: Int, _ h: Int, _ w: Int) {
        precondition(n >= 0 && c >= 0 && h >= 0 && w >= 0, "Tensor: negative dimension")
        self.n = n
        self.c = c
        self.h = h
        self.w = w
        capacity = max(1, n * c * h * w)
        data = .allocate(capacity: capacity)
        data.initialize(repeating: 0, count: capacity)
    }

    /// A tensor of shape `n × c × h × w` holding `values` (NCHW order).
    public convenience init(_ n: Int, _ c: Int, _ h: Int, _ w: Int, values: [Float]) {
        self.init(n, c, h, w)
        precondition(values.count == count, "Tensor: \(values.count) values for \(shape)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    }

    deinit {
        data.deallocate()
    }

    /// Number of elements, `n * c * h * w`.
    public var count: Int { n * c * h * w }

    /// Elements per batch item, `c * h * w`.
    public var itemCount: Int { c * h * w }

    /// Elements per channel plane, `h * w`.
    public var planeCount: Int { h * w }

    /// The shape as `[n, c, h, w]`.
    public var shape: [Int] { [n, c, h, w] }

    /// Changes the shape; keeps the buffer when it is large enough. Contents are unspecified
    /// afterwards unless the element count is unchanged.
    public func reshape(_ n: Int, _ c: Int, _ h: Int, _ w: Int) {
        precondition(n >= 0 && c >= 0 && h >= 0 && w >= 0, "Tensor: negative dimension")
        let needed = n * c * h * w
        if needed > capacity {
            data.deallocate()
            capacity = needed
            data = .allocate(capacity: capacity)
            data.initialize(repeating: 0, count: capacity)
        }
        self.n = n
        self.c = c
        self.h = h
        self.w = w
    }

    /// Whether both tensors have the same `n, c, h, w` (without building ``shape`` arrays).
    public func hasShape(of other: Tensor) -> Bool {
        n == other.n && c == other.c && h == other.h && w == other.w
    }

    /// Makes this tensor's shape equal to `other`'s.
    public func reshape(like other: Tensor) {
        reshape(other.n, other.c, other.h, other.w)
    }

    /// Sets every element to `value`.
    public func fill(_ value: Float) {
        data.update(repeating: value, count: count)
    }

    /// Copies `other`'s shape and values.
    public func copy(from other: Tensor) {
        reshape(like: other)
        data.update(from: other.data, count: count)
    }

    /// The values as an array (for tests and inspection; allocates).
    public var values: [Float] {
        Array(UnsafeBufferPointer(start: data, count: count))
    }

    /// Element access by flat NCHW index.
    public subscript(index: Int) -> Float {
        get { data[index] }
        set { data[index] = newValue }
    }
}
