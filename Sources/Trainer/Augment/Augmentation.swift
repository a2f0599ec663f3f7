/// What the training split's images go through before each step, with Ultralytics' names and
/// meanings; every value 0 (and `fliplr` ½) is the trainer's behaviour without augmentation.
///
/// Per image, in order: a 4-image ``mosaic`` (probability), copy-paste of its small objects
/// (probability ``copyPaste``), a random scale `1 ± scale` and translation `± translate` of the
/// side about the centre, a horizontal flip (probability ``fliplr``) and HSV jitter (hue shift
/// `± hsvH` of a turn, saturation and value gains `1 ± hsvS`, `1 ± hsvV`). Boxes follow the
/// pixels; an object cut by the border is clipped to it and dropped when a side is shorter
/// than ``minimumSide`` pixels. The validation split is never augmented.
public struct Augmentation: Sendable, Equatable {
    public var mosaic: Float
    public var scale: Float
    public var translate: Float
    public var hsvH: Float
    public var hsvS: Float
    public var hsvV: Float
    public var fliplr: Float
    public var copyPaste: Float

    public init(
        mosaic: Float = 0, scale: Float = 0, translate: Float = 0, hsvH: Float = 0,
        hsvS: Float = 0, hsvV: Float = 0, fliplr: Float = 0.5, copyPaste: Float = 0
    ) {
        self.mosaic = mosaic
        self.scale = scale
        self.translate = translate
        self.hsvH = hsvH
        self.hsvS = hsvS
        self.hsvV = hsvV
        self.fliplr = fliplr
        self.copyPaste = copyPaste
    }

    /// A clipped box with a side shorter than this many pixels is dropped.
    public static let minimumSide: Float = 2
    /// Objects of at most this area (COCO's "small", 32² pixels) are copy-pasted.
    public static let smallArea: Float = 32 * 32
    /// Copies pasted per small object, at most (Kisantal et al. paste each a few times).
    public static let pastedCopies = 2
    /// The grey that uncovered pixels get after a scale or translation (Ultralytics' 114).
    public static let fill: Float = 114 / 255

    /// Whether the scale-and-translate step runs.
    var movesPixels: Bool { scale > 0 || translate > 0 }
    /// Whether the HSV step runs.
    var jittersColour: Bool { hsvH > 0 || hsvS > 0 || hsvV > 0 }
}
