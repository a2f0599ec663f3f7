extension Augmenter {
    /// Copy-paste of small objects (Kisantal et al. 2019, "Augmentation for small object
    /// detection"): every object of at most ``Augmentation/smallArea`` pixels is pasted 1 to
    /// ``Augmentation/pastedCopies`` times into ``canvas`` — the pixels of its bounding
    /// rectangle, at a random place that overlaps no box (so no labelled object is covered),
    /// tried up to ten times per copy. The copies join `objects`.
    func pasteSmallObjects(_ objects: inout [ObjectAnnotation], width: Int, height: Int) {
        let plane = width * height
        for object in objects {
            let box = object.box
            guard box.width * box.height <= Augmentation.smallArea,
                box.width >= Augmentation.minimumSide, box.height >= Augmentation.minimumSide
            else { continue }
            let sx0 = max(0, Int(box.x.rounded(.down)))
            let sy0 = max(0, Int(box.y.rounded(.down)))
            let sx1 = min(width, Int((box.x + box.width).rounded(.up)))
            let sy1 = min(height, Int((box.y + box.height).rounded(.up)))
            let patchWidth = sx1 - sx0
            let patchHeight = sy1 - sy0
            guard patchWidth > 0, patchHeight > 0, patchWidth < width, patchHeight < height
            else { continue }
            let source = BoundingBox(
                x: Float(sx0), y: Float(sy0), width: Float(patchWidth),
                height: Float(patchHeight))
            for _ in 0..<rng.int(in: 1...Augmentation.pastedCopies) {
                for _ in 0..<10 {
                    let dx0 = rng.int(in: 0...(width - patchWidth))
                    let dy0 = rng.int(in: 0...(height - patchHeight))
                    let region = BoundingBox(
                        x: Float(dx0), y: Float(dy0), width: Float(patchWidth),
                        height: Float(patchHeight))
                    guard !region.intersects(source),
                        !objects.contains(where: { $0.box.intersects(region) })
                    else { continue }
                    for ch in 0..<3 {
                        for row in 0..<patchHeight {
                            (canvas.data + ch * plane + (dy0 + row) * width + dx0).update(
                                from: canvas.data + ch * plane + (sy0 + row) * width + sx0,
                                count: patchWidth)
                        }
                    }
                    var pasted = box
                    pasted.x += Float(dx0 - sx0)
                    pasted.y += Float(dy0 - sy0)
                    objects.append(ObjectAnnotation(classIndex: object.classIndex, box: pasted))
                    break
                }
            }
        }
    }
}
