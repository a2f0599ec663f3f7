extension Augmenter {
    /// Fills ``canvas`` with a mosaic: a centre drawn in the middle half of the image splits it
    /// into four quadrants, each showing the part of one image (the first, then three drawn
    /// from `dataset`) that lies next to that centre, at full resolution, so small objects stay
    /// small. Returns the objects of all four, shifted and clipped to their quadrant.
    func composeMosaic(_ dataset: DetectionDataset, first: Int, width: Int, height: Int)
        -> [ObjectAnnotation]
    {
        let xc = rng.int(in: width / 4...(3 * width) / 4)
        let yc = rng.int(in: height / 4...(3 * height) / 4)
        let last = dataset.images.count - 1
        let sources = [first] + (0..<3).map { _ in rng.int(in: 0...last) }
        // Destination rectangle and the offset from source to destination pixels.
        let quadrants = [
            (x0: 0, y0: 0, x1: xc, y1: yc, dx: xc - width, dy: yc - height),
            (x0: xc, y0: 0, x1: width, y1: yc, dx: xc, dy: yc - height),
            (x0: 0, y0: yc, x1: xc, y1: height, dx: xc - width, dy: yc),
            (x0: xc, y0: yc, x1: width, y1: height, dx: xc, dy: yc),
        ]
        let plane = width * height
        var objects: [ObjectAnnotation] = []
        for (q, source) in zip(quadrants, sources) where q.x1 > q.x0 && q.y1 > q.y0 {
            let image = dataset.images[source]
            precondition(
                image.width == width && image.height == height,
                "Augmenter: image \(source) is \(image.width)×\(image.height), "
                    + "not \(width)×\(height)")
            for ch in 0..<3 {
                for y in q.y0..<q.y1 {
                    image.storage.copy(
                        from: ch * plane + (y - q.dy) * width + (q.x0 - q.dx),
                        count: q.x1 - q.x0, into: canvas.data + ch * plane + y * width + q.x0)
                }
            }
            for object in image.objects {
                var box = object.box
                box.x += Float(q.dx)
                box.y += Float(q.dy)
                if let clipped = box.clipped(
                    x0: Float(q.x0), y0: Float(q.y0), x1: Float(q.x1), y1: Float(q.y1))
                {
                    objects.append(ObjectAnnotation(classIndex: object.classIndex, box: clipped))
                }
            }
        }
        return objects
    }
}
