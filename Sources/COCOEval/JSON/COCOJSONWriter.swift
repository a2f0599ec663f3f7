/// Writes COCO JSON (a ground-truth file and a results list) that pycocotools and
/// `COCOJSONReader` read back to the same values: Doubles are written in Swift's shortest
/// round-trip form.
public enum COCOJSONWriter {
    /// A ground-truth file: `images` (all `imageWidth`×`imageHeight`), `categories` (named
    /// `category<id>`) and `annotations`.
    public static func groundTruthJSON(
        _ groundTruth: COCOGroundTruth, imageWidth: Int, imageHeight: Int
    ) -> String {
        var text = #"{"images":["#
        for (index, id) in groundTruth.imageIDs.enumerated() {
            if index > 0 { text += "," }
            text += #"{"id":\#(id),"width":\#(imageWidth),"height":\#(imageHeight)}"#
        }
        text += #"],"categories":["#
        for (index, id) in groundTruth.categoryIDs.enumerated() {
            if index > 0 { text += "," }
            text += #"{"id":\#(id),"name":"category\#(id)"}"#
        }
        text += #"],"annotations":["#
        for (index, annotation) in groundTruth.annotations.enumerated() {
            if index > 0 { text += ",\n" }
            text += #"{"id":\#(annotation.id),"image_id":\#(annotation.imageID),"#
            text += #""category_id":\#(annotation.categoryID),"bbox":\#(box(annotation.box)),"#
            text += #""area":\#(annotation.area),"iscrowd":\#(annotation.isCrowd ? 1 : 0)}"#
        }
        return text + "]}\n"
    }

    /// A results list: `[{image_id, category_id, bbox, score}]`.
    public static func detectionsJSON(_ detections: [COCODetection]) -> String {
        var text = "["
        for (index, detection) in detections.enumerated() {
            if index > 0 { text += ",\n" }
            text += #"{"image_id":\#(detection.imageID),"category_id":\#(detection.categoryID),"#
            text += #""bbox":\#(box(detection.box)),"score":\#(detection.score)}"#
        }
        return text + "]\n"
    }

    private static func box(_ box: COCOBox) -> String {
        "[\(box.x),\(box.y),\(box.width),\(box.height)]"
    }
}
