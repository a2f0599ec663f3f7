import Trainer

/// What is wrong in a sweep file; one case per kind of mistake.
public enum SweepFileProblem: YAMLFileProblem {
    /// The file does not exist.
    case fileNotFound
    /// The file exists but cannot be read or is not UTF-8.
    case unreadable(reason: String)
    /// The YAML itself does not parse (Yams' message; the line and column are Yams').
    case malformedYAML(reason: String)
    /// The file holds no document.
    case emptyDocument
    /// A mapping (`key: value` block) was expected.
    case notAMapping
    /// A list was expected.
    case notAList
    /// A scalar of another type was expected (`expected` names it: number, integer, text…).
    case wrongType(expected: String)
    /// A key appears twice in one mapping.
    case duplicateKey
    /// A required key is missing.
    case missingKey
    /// An unknown top-level key, with the closest known key when one is near.
    case unknownTopLevelKey(suggestion: String?)
    /// A parameter that is not one of `lr`, `weight_decay`, `batch_size`, `loss`.
    case unknownParameter(suggestion: String?)
    /// A command trainer's own parameter named like one of the placeholders every trial fills.
    case reservedParameterName
    /// A command trainer's own parameter whose name no placeholder can spell (empty, braces,
    /// spaces).
    case unwritableParameterName
    /// An unknown key inside a parameter's domain.
    case unknownParameterKey(suggestion: String?)
    /// An unknown key under `trainer` (or its `data`).
    case unknownTrainerKey(suggestion: String?)
    /// A training config key the `trainer:` block does not take (`seed`), with where it goes.
    case trainerKeyNotAllowed(useInstead: String)
    /// An unknown key under `early_stop`.
    case unknownEarlyStopKey(suggestion: String?)
    /// `method` other than `grid`, `random` or `tpe`.
    case unknownMethod
    /// `distribution` other than the supported ones.
    case unknownDistribution
    /// `early_stop.type` other than `asha` or `median`.
    case unknownEarlyStopType
    /// A `loss` value other than `mse`, `ce`, `focal`.
    case unknownLoss
    /// An attention kind other than none, se or cbam.
    case unknownAttention
    /// `max_trials` is required by random and model-based search.
    case maxTrialsRequired
    /// `max_trials` makes no sense for a grid (its size is the product of the value lists).
    case maxTrialsWithGrid
    /// A number outside its allowed range; `requirement` reads like `must be > 0`.
    case outOfRange(requirement: String)
    /// A whole number was expected.
    case notAnInteger
    /// `min` is larger than `max`.
    case minAboveMax(min: String)
    /// A log-scale distribution needs `min > 0`.
    case logScaleNeedsPositiveMin
    /// A grid needs `values` (or `value`) for every parameter, not a distribution.
    case gridNeedsValues
    /// The distribution does not fit this parameter (e.g. `uniform` for `batch_size`).
    case distributionNotAllowed(allowed: [String])
    /// A parameter gives both `values`/`value` and `distribution` bounds, or neither.
    case ambiguousDomain
    /// `values: []`.
    case emptyValues
    /// The same value twice in `values`.
    case duplicateValue
    /// `q` given for a distribution other than `q_log_uniform`.
    case qWithoutQuantizedDistribution
    /// `parameters` lists nothing to search.
    case noParameters
    /// `skip_corrupt` given without a `yolo` dataset.
    case skipCorruptWithoutYOLO
    /// `q_log_uniform` bounds hold no multiple of `q`.
    case noMultipleOfQ(q: String)
    /// A duration that is not `90s`, `30m`, `8h`, `1h30m` or a number of seconds.
    case badDuration
    /// `reduction_factor` given for an early-stop type that has none.
    case reductionFactorNotAllowed
    /// `early_stop.min_epochs` is larger than `trainer.epochs`, so nothing would ever stop.
    case minEpochsAboveEpochs(epochs: Int)
    /// `trainer.data` names both `synthetic` and `yolo`.
    case bothDataSources
    /// `trainer.data` names neither `synthetic` nor `yolo`.
    case noDataSource
    /// The YOLO `data.yaml` named by `trainer.data.yolo` does not exist.
    case dataFileNotFound(resolved: String)
    /// The sweep name is empty or has characters unusable in a database key or file name.
    case invalidName
    /// A grid with more points than ``SweepLimits/maximumTrials``; `factors` lists the
    /// number of values of each parameter (`1000 × 1000 × 1000`).
    case gridTooLarge(points: String, factors: String, limit: Int)
    /// A `values` list longer than ``SweepLimits/maximumTrials``.
    case tooManyValues(count: Int, limit: Int)
    /// `objective` is not a stored metric; `valid` lists the metric names.
    case unknownObjective(valid: [String], suggestion: String?)
    /// An unknown key under `objective:` (a mapping takes `name` and `goal`).
    case unknownObjectiveKey(suggestion: String?)
    /// `goal:` other than `maximize` or `minimize`.
    case unknownGoal
    /// `goal: minimize` on an AP or AR metric, which is better when higher.
    case minimizedDetectionMetric(String)
    /// An objective named like a key of the metrics protocol itself (`epoch`, `seconds`, …).
    case reservedObjectiveName
    /// `min`, `max` or `q` with `normal` / `log_normal` (`gaussian`), or `mu` / `sigma` with
    /// another distribution.
    case boundsNotForDistribution(gaussian: Bool)
    /// A `normal` or `log_normal` domain whose truncation `[low, high]` leaves the parameter's
    /// range.
    case gaussianOutOfRange(requirement: String, low: Double, high: Double)
    /// An empty (or null) objective name.
    case emptyObjectiveName
    /// An unknown key under `sampler`.
    case unknownSamplerKey(suggestion: String?)
    /// `sampler:` given for a method without a model (grid, random).
    case samplerNotAllowed(method: String)
    /// A `sampler:` key of another model-based method (e.g. `multivariate` under `bayes`).
    case samplerKeyNotForMethod(key: String, method: String)
    /// More `initial` configs than `max_trials`.
    case tooManyInitialConfigs(maxTrials: Int)
    /// An `initial` config names a parameter that `parameters:` does not search.
    case initialParameterNotSearched
    /// An `initial` value the parameter's domain cannot produce.
    case initialValueOutsideDomain(parameter: String, domain: String)
    /// The same `initial` config twice; `first` is where it was given first.
    case duplicateInitialConfig(first: String)
    /// A `when:` that is not a mapping of exactly one parameter.
    case conditionNotOneParameter
    /// A `when:` on the parameter itself.
    case conditionOnItself
    /// A `when:` naming a parameter that is not searched with a `values:` list.
    case conditionParentNotCategorical
    /// A `when:` naming a parameter that is itself conditional.
    case conditionParentConditional
    /// A `when:` value the parent parameter's `values` do not hold.
    case conditionValueNotInParent(parent: String, values: String)
    /// An `initial` config sets a conditional parameter its condition leaves inactive.
    case initialParameterInactive(condition: String)
    /// A mistake only a W&B sweep file can make (see ``WandBProblem``).
    case wandb(WandBProblem)
    /// A mistake in a `trainer:` block that runs a command.
    case commandTrainer(CommandTrainerProblem)

    /// The human-readable sentence for this problem.
    public var message: String {
        switch self {
        case .fileNotFound: "no such file"
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .malformedYAML(let reason): "malformed YAML: \(reason)"
        case .emptyDocument: "the file holds no YAML document"
        case .notAMapping: "must be a mapping of keys to values"
        case .notAList: "must be a list, e.g. [a, b, c]"
        case .wrongType(let expected): "must be \(expected)"
        case .duplicateKey: "key given twice"
        case .missingKey: "missing required key"
        case .unknownTopLevelKey(let suggestion): Self.unknown("top-level key", suggestion)
        case .unknownParameter(let suggestion):
            Self.unknown(
                "parameter (searchable: lr, weight_decay, batch_size, loss; with a command "
                    + "trainer, any name its program takes)", suggestion)
        case .unwritableParameterName:
            "a parameter of the program needs a name a placeholder can spell: not empty, "
                + "without braces or spaces"
        case .reservedParameterName:
            "a placeholder every trial fills (\(CommandPlaceholder.allCases.map(\.rawValue).joined(separator: ", "))); "
                + "rename the parameter (set the epochs with trainer.epochs)"
        case .unknownParameterKey(let suggestion): Self.unknown("parameter key", suggestion)
        case .unknownTrainerKey(let suggestion): Self.unknown("trainer key", suggestion)
        case .trainerKeyNotAllowed(let useInstead):
            "not allowed under trainer; use \(useInstead)"
        case .unknownEarlyStopKey(let suggestion): Self.unknown("early_stop key", suggestion)
        case .unknownMethod: "unknown method (use grid, random or tpe)"
        case .unknownDistribution:
            "unknown distribution (use categorical, uniform, log_uniform, int_uniform, "
                + "q_log_uniform, normal, log_normal)"
        case .unknownEarlyStopType: "unknown early-stop type (use asha or median)"
        case .unknownLoss: "unknown loss (use mse, ce or focal)"
        case .unknownAttention: "unknown attention (use none, se or cbam)"
        case .maxTrialsRequired: "methods random, tpe and bayes need max_trials"
        case .maxTrialsWithGrid:
            "max_trials is not allowed with method grid (the grid is exhaustive)"
        case .outOfRange(let requirement): requirement
        case .notAnInteger: "must be a whole number"
        case .minAboveMax(let min): "must be >= min (\(min))"
        case .logScaleNeedsPositiveMin: "a log-scale distribution needs min > 0"
        case .gridNeedsValues:
            "method grid needs values (or value) for every parameter, not a distribution"
        case .distributionNotAllowed(let allowed):
            "distribution not allowed here (use \(allowed.joined(separator: ", ")))"
        case .ambiguousDomain:
            "give exactly one of values, value, or distribution with min and max"
        case .emptyValues: "values must not be empty"
        case .duplicateValue: "value listed twice"
        case .qWithoutQuantizedDistribution: "q only applies to distribution q_log_uniform"
        case .noParameters: "must list at least one of lr, weight_decay, batch_size, loss"
        case .skipCorruptWithoutYOLO: "skip_corrupt only applies to a yolo dataset"
        case .noMultipleOfQ(let q): "no multiple of q (\(q)) lies between min and max"
        case .badDuration: "must be a duration like 90s, 30m, 8h, 1h30m or a number of seconds"
        case .reductionFactorNotAllowed: "reduction_factor only applies to type asha"
        case .minEpochsAboveEpochs(let epochs):
            "must be <= trainer.epochs (\(epochs)), or no trial could ever be stopped"
        case .bothDataSources: "give either synthetic or yolo, not both"
        case .noDataSource: "give synthetic or yolo"
        case .dataFileNotFound(let resolved): "no such dataset file: \(resolved)"
        case .gridTooLarge(let points, let factors, let limit):
            "the grid has \(points) points (\(factors) values); a sweep may plan at most "
                + "\(limit) trials: list fewer values, or use method random with max_trials"
        case .tooManyValues(let count, let limit):
            "lists \(count) values; at most \(limit) (no sweep plans more trials than that)"
        case .unknownObjective(let valid, let suggestion):
            Self.unknown("objective metric", suggestion)
                + " (use one of \(valid.joined(separator: ", ")); a metric of the program's "
                + "own needs a command trainer with metrics: stdout)"
        case .unknownObjectiveKey(let suggestion): Self.unknown("objective key", suggestion)
        case .unknownGoal: "unknown goal (use maximize or minimize)"
        case .minimizedDetectionMetric(let name):
            "\(name) is an AP or AR metric, better when higher, so it is only maximised; "
                + "minimize is for a metric the program reports itself, such as val_loss"
        case .emptyObjectiveName: "must name a metric (it is empty)"
        case .boundsNotForDistribution(let gaussian):
            gaussian
                ? "normal and log_normal take mu and sigma, not min, max or q"
                : "mu and sigma only apply to distributions normal and log_normal"
        case .gaussianOutOfRange(let requirement, let low, let high):
            "mu ± 3 sigma spans [\(low), \(high)], whose values \(requirement); move mu or "
                + "narrow sigma (log_normal keeps values > 0)"
        case .reservedObjectiveName:
            "a key of the metrics protocol itself ("
                + CommandMessage.fieldNames.sorted().joined(separator: ", ")
                + "), not a metric; report the metric under another name"
        case .unknownSamplerKey(let suggestion): Self.unknown("sampler key", suggestion)
        case .samplerNotAllowed(let method):
            "sampler settings only apply to methods tpe and bayes, not \(method)"
        case .samplerKeyNotForMethod(let key, let method):
            "\(key) does not apply to method \(method); it takes n_startup_trials and constant_liar"
        case .tooManyInitialConfigs(let maxTrials):
            "lists more configs than max_trials (\(maxTrials)); they count toward it"
        case .initialParameterNotSearched:
            "not searched under parameters:; set a fixed value under trainer: instead"
        case .initialValueOutsideDomain(let parameter, let domain):
            "outside parameters.\(parameter) (\(domain))"
        case .duplicateInitialConfig(let first):
            "the same config as \(first)"
        case .conditionNotOneParameter:
            "must name one categorical parameter and its value(s), e.g. {loss: focal}"
        case .conditionOnItself: "a parameter cannot be conditional on itself"
        case .conditionParentNotCategorical:
            "a condition needs a parameter searched with values:, e.g. loss: {values: [ce, focal]}"
        case .conditionParentConditional:
            "a condition cannot name a parameter that is itself conditional"
        case .conditionValueNotInParent(let parent, let values):
            "\(parent) never takes this value (its values: \(values))"
        case .initialParameterInactive(let condition):
            "inactive in this config (\(condition)); leave it out"
        case .wandb(let problem): problem.message
        case .commandTrainer(let problem): problem.message
        case .invalidName:
            "must be 1-100 characters of letters, digits, '.', '_' or '-', "
                + "not starting with '.'"
        }
    }

    private static func unknown(_ what: String, _ suggestion: String?) -> String {
        guard let suggestion else { return "unknown \(what)" }
        return "unknown \(what); did you mean '\(suggestion)'?"
    }
}
