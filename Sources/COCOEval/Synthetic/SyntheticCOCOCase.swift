/// A deterministic synthetic COCO evaluation case for benchmarking the evaluator (by default the
/// reference speed case: 5,000 images of 640×640, 10 categories, 50,000 gts of which 70% small,
/// 100,000 detections). Detections are jittered gt copies (some with the wrong category) followed
/// by random false positives; scores are rounded to 3 decimals so that ties occur.
public struct SyntheticCOCOCase: Sendable {
    public var groundTruth: COCOGroundTruth
    public var detections: [COCODetection]
    /// Width and height of every image, in pixels.
    public var imageSize: Int

    /// Generates the case from `seed`; the same arguments always give the same case.
    public static func generate(
        seed: UInt64 = 0, imageCount: Int = 5000, categoryCount: Int = 10, gtCount: Int = 50_000,
        detectionCount: Int = 100_000
    ) -> SyntheticCOCOCase {
        precondition(
            imageCount > 0 && categoryCount > 0, "SyntheticCOCOCase: empty image or category set")
        var random = SplitMix64(seed: seed)
        let imageSize = 640
        var annotations: [COCOAnnotation] = []
        annotations.reserveCapacity(gtCount)
        for index in 0..<gtCount {
            let box = randomBox(&random, imageSize: imageSize)
            annotations.append(
                COCOAnnotation(
                    id: index + 1, imageID: random.nextIndex(below: imageCount) + 1,
                    categoryID: random.nextIndex(below: categoryCount) + 1, box: box,
                    area: box.width * box.height, isCrowd: random.nextUnit() < 0.01))
        }
        var detections: [COCODetection] = []
        detections.reserveCapacity(detectionCount)
        for annotation in annotations where detections.count < detectionCount {
            guard random.nextUnit() < 0.85 else { continue }
            let gt = annotation.box
            let width = max(1, gt.width * (1 + 0.3 * (random.nextUnit() - 0.5)))
            let height = max(1, gt.height * (1 + 0.3 * (random.nextUnit() - 0.5)))
            let box = COCOBox(
                x: rounded(gt.x + gt.width * 0.3 * (random.nextUnit() - 0.5)),
                y: rounded(gt.y + gt.height * 0.3 * (random.nextUnit() - 0.5)),
                width: rounded(width), height: rounded(height))
            let category =
                random.nextUnit() < 0.05
                ? random.nextIndex(below: categoryCount) + 1 : annotation.categoryID
            detections.append(
                COCODetection(
                    imageID: annotation.imageID, categoryID: category, box: box,
                    score: score(0.3 + 0.7 * random.nextUnit())))
        }
        while detections.count < detectionCount {
            detections.append(
                COCODetection(
                    imageID: random.nextIndex(below: imageCount) + 1,
                    categoryID: random.nextIndex(below: categoryCount) + 1,
                    box: randomBox(&random, imageSize: imageSize),
                    score: score(0.6 * random.nextUnit())
                ))
        }
        return SyntheticCOCOCase(
            groundTruth: COCOGroundTruth(
                imageIDs: Array(1...imageCount), categoryIDs: Array(1...categoryCount),
                annotations: annotations),
            detections: detections, imageSize: imageSize)
    }

    /// 70% small sides [4, 32), 20% medium [32, 96), 10% large [96, 300); 0.01 px grid.
    private static func randomBox(_ random: inout SplitMix64, imageSize: Int) -> COCOBox {
        let u = random.nextUnit()
        let (low, high): (Double, Double) = u < 0.7 ? (4, 32) : u < 0.9 ? (32, 96) : (96, 300)
        let width = rounded(low + (high - low) * random.nextUnit())
        let height = rounded(low + (high - low) * random.nextUnit())
        let x = rounded((Double(imageSize) - width) * random.nextUnit())
        let y = rounded((Double(imageSize) - height) * random.nextUnit())
        return COCOBox(x: x, y: y, width: width, height: height)
    }

    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    private static func score(_ value: Double) -> Double {
        max(0.001, (value * 1000).rounded() / 1000)
    }
}
