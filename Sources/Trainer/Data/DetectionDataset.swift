/// A box in pixels: top-left corner, width and height (COCO's `xywh`).
public struct BoundingBox: Codable, Sendable, Equatable {
    public var x: Float
    public var y: Float
    public var width: Float
    public var height: Float

    public init(x: Float, y: Float, width: Float, height: Float) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One labelled object of an image.
public struct ObjectAnnotation: Codable, Sendable, Equatable {
    /// Zero-based index into ``DetectionDataset/classNames``.
    public var classIndex: Int
    public var box: BoundingBox

    public init(classIndex: Int, box: BoundingBox) {
        self.classIndex = classIndex
        self.box = box
    }
}

/// An RGB image, planar CHW (`3 × height × width` values in 0...1), with its objects. The
/// pixels are float32 or bytes (``ImagePixels``); readers go through ``copyPixels(into:)``.
public struct DetectionImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var storage: ImagePixels
    public var objects: [ObjectAnnotation]

    public init(width: Int, height: Int, pixels: [Float], objects: [ObjectAnnotation]) {
        self.init(width: width, height: height, storage: .floats(pixels), objects: objects)
    }

    public init(width: Int, height: Int, storage: ImagePixels, objects: [ObjectAnnotation]) {
        precondition(storage.count == 3 * width * height, "DetectionImage: pixels must be 3×H×W")
        self.width = width
        self.height = height
        self.storage = storage
        self.objects = objects
    }

    /// The pixels as floats; for a byte image, a fresh copy on every read. Setting stores floats.
    public var pixels: [Float] {
        get { storage.floats }
        set {
            precondition(
                newValue.count == 3 * width * height, "DetectionImage: pixels must be 3×H×W")
            storage = .floats(newValue)
        }
    }

    /// Writes the pixels as floats to `destination` (`3 × height × width` values).
    public func copyPixels(into destination: UnsafeMutablePointer<Float>) {
        storage.copy(into: destination)
    }

    /// Same size, objects and pixel values, however they are stored.
    public static func == (lhs: DetectionImage, rhs: DetectionImage) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.objects == rhs.objects
            && lhs.pixels == rhs.pixels
    }
}

/// A set of images that share one class list. All images of a dataset have the same size.
public struct DetectionDataset: Sendable, Equatable {
    public var classNames: [String]
    public var images: [DetectionImage]

    public init(classNames: [String], images: [DetectionImage]) {
        self.classNames = classNames
        self.images = images
    }
}

/// The train and validation halves of a dataset.
public struct DatasetSplit: Sendable, Equatable {
    public var train: DetectionDataset
    public var val: DetectionDataset

    public init(train: DetectionDataset, val: DetectionDataset) {
        self.train = train
        self.val = val
    }
}
