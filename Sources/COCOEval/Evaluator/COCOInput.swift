/// A COCO box: top-left corner, width and height in pixels (`[x, y, w, h]`).
public struct COCOBox: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A ground-truth object. `area` decides the small/medium/large range and is never recomputed
/// from the box (COCO uses the segmentation area there).
public struct COCOAnnotation: Sendable, Equatable {
    public var id: Int
    public var imageID: Int
    public var categoryID: Int
    public var box: COCOBox
    public var area: Double
    public var isCrowd: Bool

    public init(
        id: Int, imageID: Int, categoryID: Int, box: COCOBox, area: Double, isCrowd: Bool = false
    ) {
        self.id = id
        self.imageID = imageID
        self.categoryID = categoryID
        self.box = box
        self.area = area
        self.isCrowd = isCrowd
    }
}

/// A scored detection, as in a COCO results file.
public struct COCODetection: Sendable, Equatable {
    public var imageID: Int
    public var categoryID: Int
    public var box: COCOBox
    public var score: Double

    public init(imageID: Int, categoryID: Int, box: COCOBox, score: Double) {
        self.imageID = imageID
        self.categoryID = categoryID
        self.box = box
        self.score = score
    }
}

/// A COCO ground-truth set: the evaluated image ids, category ids and annotations (file order
/// matters for tie-breaking).
public struct COCOGroundTruth: Sendable, Equatable {
    public var imageIDs: [Int]
    public var categoryIDs: [Int]
    public var annotations: [COCOAnnotation]

    public init(imageIDs: [Int], categoryIDs: [Int], annotations: [COCOAnnotation]) {
        self.imageIDs = imageIDs
        self.categoryIDs = categoryIDs
        self.annotations = annotations
    }
}
