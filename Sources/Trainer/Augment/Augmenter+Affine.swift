extension Augmenter {
    /// Writes ``canvas`` scaled by `1 + u·scale` about the centre and shifted by
    /// `v·translate` of each side (`u`, `v` uniform in ±1) to `destination`, sampling the
    /// nearest source pixel (a destination pixel shows the source pixel under its centre) and
    /// filling uncovered pixels with ``Augmentation/fill``. Returns `objects` moved the same
    /// way, clipped to the image.
    func scaleAndTranslate(
        _ objects: [ObjectAnnotation], into destination: UnsafeMutablePointer<Float>, width: Int,
        height: Int
    ) -> [ObjectAnnotation] {
        let s = 1 + rng.uniform(-settings.scale, settings.scale)
        let tx = rng.uniform(-settings.translate, settings.translate) * Float(width)
        let ty = rng.uniform(-settings.translate, settings.translate) * Float(height)
        let cx = Float(width) / 2
        let cy = Float(height) / 2
        func sources(_ count: Int, centre: Float, shift: Float, into table: inout [Int]) {
            table.removeAll(keepingCapacity: true)
            for d in 0..<count {
                let u = ((Float(d) + 0.5 - centre - shift) / s + centre).rounded(.down)
                table.append(u >= 0 && u < Float(count) ? Int(u) : -1)
            }
        }
        sources(width, centre: cx, shift: tx, into: &sourceColumns)
        sources(height, centre: cy, shift: ty, into: &sourceRows)
        let plane = width * height
        sourceColumns.withUnsafeBufferPointer { columns in
            for ch in 0..<3 {
                for y in 0..<height {
                    let out = destination + ch * plane + y * width
                    let row = sourceRows[y]
                    guard row >= 0 else {
                        out.update(repeating: Augmentation.fill, count: width)
                        continue
                    }
                    let input = canvas.data + ch * plane + row * width
                    for x in 0..<width {
                        let column = columns[x]
                        out[x] = column >= 0 ? input[column] : Augmentation.fill
                    }
                }
            }
        }
        return objects.compactMap { object in
            let b = object.box
            let moved = BoundingBox(
                x: (b.x - cx) * s + cx + tx, y: (b.y - cy) * s + cy + ty, width: b.width * s,
                height: b.height * s)
            return moved.clipped(x0: 0, y0: 0, x1: Float(width), y1: Float(height)).map {
                ObjectAnnotation(classIndex: object.classIndex, box: $0)
            }
        }
    }
}
