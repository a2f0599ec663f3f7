/// The validation split as COCO ground truth (image ids `1…N` in split order, category ids
/// `class + 1`, areas `w·h`, no crowd) and the evaluation of a detector on it.
struct ValidationSet {
    let dataset: DetectionDataset
    let groundTruth: COCOGroundTruth
    /// Images per forward pass; evaluation-mode BatchNorm makes the result independent of it.
    let batchSize: Int

    init(_ dataset: DetectionDataset, batchSize: Int) {
        self.dataset = dataset
        self.batchSize = max(1, batchSize)
        var annotations: [COCOAnnotation] = []
        for (index, image) in dataset.images.enumerated() {
            for object in image.objects {
                let b = object.box
                annotations.append(
                    COCOAnnotation(
                        id: annotations.count + 1, imageID: index + 1,
                        categoryID: object.classIndex + 1,
                        box: COCOBox(
                            x: Double(b.x), y: Double(b.y), width: Double(b.width),
                            height: Double(b.height)),
                        area: Double(b.width) * Double(b.height)))
            }
        }
        groundTruth = COCOGroundTruth(
            imageIDs: dataset.images.indices.map { $0 + 1 },
            categoryIDs: dataset.classNames.indices.map { $0 + 1 },
            annotations: annotations)
    }

    /// The detector's COCO metrics on the split (evaluation-mode forward passes).
    func evaluate(_ detector: Detector, loader: BatchLoader) throws -> DetectionMetrics {
        let decoder = DetectionDecoder(classCount: detector.classCount, stride: detector.stride)
        var detections: [COCODetection] = []
        let all = Array(dataset.images.indices)
        for start in stride(from: 0, to: all.count, by: batchSize) {
            let indices = all[start..<min(all.count, start + batchSize)]
            loader.load(dataset, indices: indices, augmenter: nil)
            let output = detector.forward(loader.images, training: false)
            for (item, index) in indices.enumerated() {
                let image = dataset.images[index]
                for d in decoder.decode(
                    output, item: item, imageWidth: image.width, imageHeight: image.height)
                {
                    detections.append(
                        COCODetection(
                            imageID: index + 1, categoryID: d.classIndex + 1,
                            box: COCOBox(
                                x: Double(d.box.x), y: Double(d.box.y),
                                width: Double(d.box.width), height: Double(d.box.height)),
                            score: Double(d.score)))
                }
            }
        }
        return try COCOEvaluator.metrics(groundTruth: groundTruth, detections: detections)
    }
}
