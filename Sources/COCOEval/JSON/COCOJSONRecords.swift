/// The raw shapes of COCO JSON entries, decoded with `JSONDecoder` (whose number parsing is
/// correctly rounded, unlike `JSONSerialization` on Linux). Every field is optional so that a
/// missing key becomes a `COCOJSONError` naming the entry; numbers are Doubles.
enum COCOJSONRecords {
    struct GroundTruth: Decodable {
        var images: [Entry]?
        var categories: [Entry]?
        var annotations: [Annotation]?
    }

    /// An image or a category: only `id` is used.
    struct Entry: Decodable {
        var id: Double?
    }

    struct Annotation: Decodable {
        var id: Double?
        var imageID: Double?
        var categoryID: Double?
        var bbox: [Double]?
        var area: Double?
        var iscrowd: Double?

        enum CodingKeys: String, CodingKey {
            case id, bbox, area, iscrowd
            case imageID = "image_id"
            case categoryID = "category_id"
        }
    }

    struct Detection: Decodable {
        var imageID: Double?
        var categoryID: Double?
        var bbox: [Double]?
        var score: Double?

        enum CodingKeys: String, CodingKey {
            case bbox, score
            case imageID = "image_id"
            case categoryID = "category_id"
        }
    }
}
