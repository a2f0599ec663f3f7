/// Trainer's clients see the COCO evaluator and ``SplitMix64`` through `import Trainer`, as
/// swift-collections' `Collections` re-exports its modules; `COCOEval` alone builds and tests
/// without OpenBLAS, libpng or libjpeg.
@_exported import COCOEval
