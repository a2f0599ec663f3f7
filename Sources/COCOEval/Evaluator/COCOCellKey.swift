/// How ``COCOEvalIndex`` packs a gt or detection into one sortable `UInt64`: its (category, image)
/// cell `category · imageCount + image` in the high bits, its input index in the low bits, so one
/// sort groups entries by cell and keeps file order inside a cell.
///
/// The split between the parts is chosen from the input's sizes (the index gets just the bits
/// `entryCount` needs, the cell the rest) and both are checked to fit, so two different cells never
/// share a key: an input too large to pack is refused instead of being mismatched.
struct COCOCellKey: Sendable {
    let imageCount: Int
    let indexBits: Int

    init(imageCount: Int, categoryCount: Int, entryCount: Int) throws(COCOEvaluationError) {
        let images = max(imageCount, 1)
        let (cellCount, overflow) = max(categoryCount, 1).multipliedReportingOverflow(by: images)
        let indexBits = Int.bitWidth - max(entryCount, 1).leadingZeroBitCount
        let cellBits = Int.bitWidth - (overflow ? 0 : cellCount.leadingZeroBitCount)
        guard !overflow, entryCount <= Int(Int32.max), indexBits + cellBits <= UInt64.bitWidth
        else {
            throw .tooLargeToIndex(
                images: imageCount, categories: categoryCount, entries: entryCount)
        }
        self.imageCount = images
        self.indexBits = indexBits
    }

    /// The key of entry `index` in the cell of `category` (0-based) and `image` (0-based).
    func key(category: Int, image: Int, index: Int) -> UInt64 {
        UInt64(category * imageCount + image) << indexBits | UInt64(index)
    }

    /// The cell part of `key`; equal for two keys exactly when they share category and image.
    func cell(_ key: UInt64) -> UInt64 {
        key >> indexBits
    }

    /// The 0-based category of a cell.
    func category(ofCell cell: UInt64) -> Int {
        Int(cell) / imageCount
    }

    /// The input index part of `key`.
    func index(_ key: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: key & (1 << indexBits - 1))
    }
}
