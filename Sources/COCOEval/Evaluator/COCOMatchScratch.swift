/// Per-cell working memory for greedy matching, sized for the largest cell of a category and
/// reused across its cells (no allocation per cell). The owner must call `deallocate()`.
struct COCOMatchScratch {
    /// IoU matrix, `[detection][gt]` with gts in file order.
    let ious: UnsafeMutableBufferPointer<Double>
    /// For each reordered slot (non-ignored gts first): the gt's file-order position in the cell.
    let slotGT: UnsafeMutableBufferPointer<Int>
    let slotIgnored: UnsafeMutableBufferPointer<Bool>
    let slotCrowd: UnsafeMutableBufferPointer<Bool>
    let slotTaken: UnsafeMutableBufferPointer<Bool>

    init(gtCapacity: Int, detectionCapacity: Int) {
        ious = .allocate(capacity: max(1, gtCapacity * detectionCapacity))
        slotGT = .allocate(capacity: max(1, gtCapacity))
        slotIgnored = .allocate(capacity: max(1, gtCapacity))
        slotCrowd = .allocate(capacity: max(1, gtCapacity))
        slotTaken = .allocate(capacity: max(1, gtCapacity))
    }

    func deallocate() {
        ious.deallocate()
        slotGT.deallocate()
        slotIgnored.deallocate()
        slotCrowd.deallocate()
        slotTaken.deallocate()
    }
}
