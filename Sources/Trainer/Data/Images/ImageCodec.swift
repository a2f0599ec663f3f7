import CImageCodecs
import Foundation

/// PNG and JPEG decoding (libpng, libjpeg) and PNG writing. Decoders return 8-bit RGB whatever the
/// file's colour type (grey, palette and alpha are converted; alpha is composited on black).
public enum ImageCodec {
    /// Reads and decodes the image at `path`, choosing the decoder by the file's signature rather
    /// than its extension.
    public static func decode(file path: String) throws(DatasetError) -> RGBImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .undecodableImage(file: path, reason: "cannot read the file")
        }
        return try decode(Array(data), file: path)
    }

    /// Decodes PNG or JPEG `data`; `file` only names the source in errors.
    public static func decode(_ data: [UInt8], file: String) throws(DatasetError) -> RGBImage {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return try decodePNG(data, file: file)
        }
        if data.starts(with: [0xFF, 0xD8]) {
            return try decodeJPEG(data, file: file)
        }
        throw .undecodableImage(file: file, reason: "neither a PNG nor a JPEG signature")
    }

    /// Decodes a PNG with libpng's simplified `png_image` API (no longjmp needed). The size in
    /// the header is checked against ``ImageLimits`` before the pixels are allocated.
    public static func decodePNG(_ data: [UInt8], file: String) throws(DatasetError) -> RGBImage {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = data.withUnsafeBytes {
            png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count)
        }
        guard begun != 0 else {
            throw .undecodableImage(file: file, reason: message(of: &image))
        }
        image.format = UInt32(PNG_FORMAT_RGB)
        let width = Int(image.width)
        let height = Int(image.height)
        guard ImageLimits.accepts(width: width, height: height) else {
            png_image_free(&image)
            throw .imageTooLarge(file: file, width: width, height: height)
        }
        var bytes = [UInt8](repeating: 0, count: 3 * width * height)
        let finished = bytes.withUnsafeMutableBytes {
            png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
        }
        guard finished != 0 else {
            let reason = message(of: &image)
            png_image_free(&image)
            throw .undecodableImage(file: file, reason: reason)
        }
        return RGBImage(width: width, height: height, bytes: bytes)
    }

    /// Decodes a JPEG with libjpeg; fatal errors and corrupt-data warnings both fail. The size in
    /// the header is checked against ``ImageLimits`` before the pixels are allocated.
    public static func decodeJPEG(_ data: [UInt8], file: String) throws(DatasetError) -> RGBImage {
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0
        var height: Int32 = 0
        var reason = [CChar](repeating: 0, count: 256)
        let status = data.withUnsafeBufferPointer { input in
            cimage_decode_jpeg(
                input.baseAddress, UInt(input.count), UInt(ImageLimits.maxSide),
                UInt64(ImageLimits.maxPixels), &pixels, &width, &height, &reason, reason.count)
        }
        if status == 2 {
            throw .imageTooLarge(file: file, width: Int(width), height: Int(height))
        }
        guard status == 1, let pixels else {
            throw .undecodableImage(file: file, reason: string(reason))
        }
        defer { free(pixels) }
        let count = 3 * Int(width) * Int(height)
        let bytes = Array(UnsafeBufferPointer(start: pixels, count: count))
        return RGBImage(width: Int(width), height: Int(height), bytes: bytes)
    }

    /// Writes `image` as an 8-bit RGB PNG at `path`, favouring speed over file size: rows
    /// unfiltered, deflated with Huffman coding only (on the synthetic images, whose noisy
    /// backgrounds defeat string matching, as small as zlib's default and 2.5× faster).
    public static func writePNG(_ image: RGBImage, to path: String) throws(DatasetError) {
        var reason = [CChar](repeating: 0, count: 256)
        let written = image.bytes.withUnsafeBufferPointer { pixels in
            cimage_write_png_rgb(
                path, pixels.baseAddress, UInt32(image.width), UInt32(image.height), &reason,
                reason.count)
        }
        guard written == 1 else {
            throw .writeFailed(path: path, reason: string(reason))
        }
    }

    private static func message(of image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func string(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
