/// The one set of bounds on every ``TrainingConfig`` number, used by sweep files (`trainer:` and
/// `parameters:`), `train --config`, `train` flags, `validate`, `run` and the worker alike.
///
/// Upper bounds are far above any sensible trial; they catch typos (`image_size: 100000`) before
/// a trial allocates or trains for days.
public enum TrainingBounds {
    public static let lr = ConfigBound("lr", 0, includesMinimum: false, 1_000_000)
    public static let weightDecay = ConfigBound("weight_decay", 0, 1)
    public static let batchSize = ConfigBound("batch_size", 1, 1024, isInteger: true)
    /// `0` trains nothing and evaluates the untrained model.
    public static let epochs = ConfigBound("epochs", 0, 10_000, isInteger: true)
    public static let momentum = ConfigBound("momentum", 0, 1, includesMaximum: false)
    public static let warmupEpochs = ConfigBound("warmup_epochs", 0, 10_000)
    public static let focalAlpha = ConfigBound("focal_alpha", 0, 1)
    public static let focalGamma = ConfigBound("focal_gamma", 0, 10)
    /// See ``DivergenceRule``: at most 1 would flag a loss that merely stops falling.
    public static let divergeFactor = ConfigBound(
        "diverge_factor", 1, includesMinimum: false, 1_000_000)
    /// Augmentation (see ``Augmentation``): probabilities in 0…1; a scale gain below 1 (so the
    /// factor `1 − scale` stays positive); translation and HSV gains as fractions.
    public static let mosaic = ConfigBound("mosaic", 0, 1)
    public static let scale = ConfigBound("scale", 0, 0.9)
    public static let translate = ConfigBound("translate", 0, 0.5)
    public static let hsvH = ConfigBound("hsv_h", 0, 0.5)
    public static let hsvS = ConfigBound("hsv_s", 0, 1)
    public static let hsvV = ConfigBound("hsv_v", 0, 1)
    public static let fliplr = ConfigBound("fliplr", 0, 1)
    public static let copyPaste = ConfigBound("copy_paste", 0, 1)
    /// The detector's strides need at least 32 pixels; 4096 keeps one image under 200 MB.
    public static let imageSize = ConfigBound("image_size", 32, 4096, isInteger: true)
    public static let trainImages = ConfigBound("train_images", 1, 1_000_000, isInteger: true)
    public static let valImages = ConfigBound("val_images", 1, 1_000_000, isInteger: true)
    /// Classes a dataset may declare (`nc` / `names` of a YOLO `data.yaml`): the detector has one
    /// heatmap channel per class, and a count beyond this is a typo, not a dataset.
    public static let classCount = ConfigBound("nc", 1, 4096, isInteger: true)

    /// The most memory the synthetic images of one trial may take (train and val, RGB `Float`),
    /// 8 GiB: a larger dataset is refused as a config error instead of an allocation that
    /// cannot succeed.
    public static let datasetBytesLimit = 8 << 30

    /// Bytes of `images` RGB `Float` images of `size`×`size` pixels, computed in floating point
    /// so absurd sizes cannot overflow.
    public static func datasetBytes(images: Int, size: Int) -> Double {
        Double(images) * Double(size) * Double(size) * 3 * Double(MemoryLayout<Float>.size)
    }

    /// The most memory one training batch's activations may take, 16 GiB: a larger
    /// `batch_size` × image size is refused as a config error instead of an allocation that
    /// cannot succeed.
    public static let batchBytesLimit = 16 << 30

    /// Bytes the detector keeps per input pixel of one image while it trains (every stage's
    /// outputs, BatchNorm and SiLU state, gradients, im2col columns), measured: maximum resident
    /// memory grew by 516 bytes per pixel from batch 8 to batch 64 at 256².
    public static let trainingBytesPerPixel = 520

    /// Bytes of one training batch's activations, in floating point so absurd sizes cannot
    /// overflow.
    public static func batchBytes(batchSize: Int, size: Int) -> Double {
        Double(batchSize) * Double(size) * Double(size) * Double(trainingBytesPerPixel)
    }

    /// BLAS threads for `train`: 1 up to this machine's cores.
    public static func threads(cores: Int) -> ConfigBound {
        ConfigBound("threads", 1, Double(max(1, cores)), isInteger: true)
    }
}
