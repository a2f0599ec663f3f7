/// The attention block the detector inserts after each of its later backbone stages (those at
/// the output resolution), or none.
///
/// `se` is squeeze-and-excitation (Hu et al. 2018): per-channel gates from a global average
/// pool through a two-layer MLP. `cbam` is CBAM (Woo et al. 2018): channel gates from average
/// and max pools through a shared MLP, then a spatial gate from a 7×7 convolution over the
/// channel-wise mean and max.
public enum AttentionKind: String, Codable, Sendable, CaseIterable {
    case none
    case se
    case cbam
}
