/// How a YOLO image is brought to the square training size.
public enum ResizeMode: String, Codable, Sendable, CaseIterable {
    /// Keep the aspect ratio: scale the longer side to the size and pad the rest with grey 114
    /// (Ultralytics' letterbox, the padding split evenly, the odd pixel right and bottom).
    case letterbox
    /// Scale width and height separately to the size (the aspect ratio is not kept).
    case stretch
}
