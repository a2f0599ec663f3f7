/// The object-area ranges the evaluator's parameters name: pycocotools' `all`, `small`, `medium`,
/// `large` and AI-TOD's `verytiny`, `tiny`, spelled as their evaluators print them. Summaries
/// select a range by this name, so a misspelt range is a compile error, not a trap.
public enum COCOArea: String, Sendable, CaseIterable {
    case all
    case verytiny
    case tiny
    case small
    case medium
    case large
}
