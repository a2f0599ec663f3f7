import Foundation
import Trainer

/// A validated sweep file: what to search over, how, and the fixed training settings.
public struct SweepSpec: Sendable, Equatable {
    public var name: String
    public var method: SearchMethod
    /// Number of trials (random and model-based search; `initial` configs count toward it).
    public var maxTrials: Int?
    public var seed: UInt64
    /// The searched hyperparameters; any not listed takes its value from `trainer`.
    public var parameters: [Hyperparameter: ParameterDomain]
    /// Base configuration of every trial: epochs, dataset, fixed hyperparameters.
    public var trainer: TrainingConfig
    public var earlyStop: EarlyStopSpec?
    /// No new trial starts after this many seconds of the run.
    public var timeBudget: Double?
    /// A trial running longer than this many seconds is stopped and marked `timed_out`.
    public var trialTimeout: Double?
    /// How often a crashed worker's trial is tried again.
    public var maxRetries: Int
    /// The stored metric that ranks trials and guides the search, and its direction.
    public var objective: Objective
    /// The file's text, stored with the sweep.
    public var sourceText: String
    /// The model's settings (`sampler:`), for a model-based `method`; nil otherwise.
    public var samplerSettings: TPESettings?
    /// Configs that run first, before the method's own trials (`initial:`); every searched
    /// parameter set, the others at the trainer's values.
    public var initial: [TrialParameters]
    /// Seconds between an agent's heartbeats of its trials (`sweep-cli agent`).
    public var heartbeat: Double?
    /// A trial whose agent's heartbeat is older than this many seconds is queued again.
    public var lease: Double?
    /// Searched parameters that apply only for some values of a categorical one (`when:`).
    public var conditions: [Hyperparameter: ParameterCondition] = [:]
    /// How the file's W&B keys were read, one line each (empty for a native file).
    public var readingNotes: [String] = []
    /// The program each trial runs instead of the embedded trainer (`trainer: command:`);
    /// nil runs the embedded trainer, whose settings are ``trainer``.
    public var command: CommandTrainer?

    public init(
        name: String, method: SearchMethod, maxTrials: Int? = nil, seed: UInt64 = 0,
        parameters: [Hyperparameter: ParameterDomain], trainer: TrainingConfig = TrainingConfig(),
        earlyStop: EarlyStopSpec? = nil, timeBudget: Double? = nil, trialTimeout: Double? = nil,
        maxRetries: Int = 1, sourceText: String = "", samplerSettings: TPESettings? = nil,
        initial: [TrialParameters] = [], objective: Objective = .default
    ) {
        self.name = name
        self.method = method
        self.maxTrials = maxTrials
        self.seed = seed
        self.parameters = parameters
        self.trainer = trainer
        self.earlyStop = earlyStop
        self.timeBudget = timeBudget
        self.trialTimeout = trialTimeout
        self.maxRetries = maxRetries
        self.objective = objective
        self.sourceText = sourceText
        self.samplerSettings = samplerSettings
        self.initial = initial
    }
}

/// How trials are planned.
public enum SearchMethod: String, Sendable, Codable, CaseIterable {
    /// The Cartesian product of every parameter's `values`, in a stable order.
    case grid
    /// `max_trials` seeded samples.
    case random
    /// Tree-structured Parzen Estimator: `max_trials` trials, each proposed from the results so
    /// far when a worker slot frees (``TPESampler``).
    case tpe
    /// Gaussian-process Bayesian optimisation: like `tpe`, each trial proposed from the results
    /// so far (``BayesSampler``).
    case bayes
}

/// A hyperparameter a sweep searches, spelled as in sweep files and the database: one of the
/// built-in ones the embedded trainer reads (``allCases``), or, for a command trainer, any other
/// name its program takes (``program(_:)``), passed to it only through its placeholder.
public struct Hyperparameter: RawRepresentable, Hashable, Sendable, Comparable {
    public let rawValue: String

    /// The built-in hyperparameter spelled `rawValue`; nil for any other name.
    public init?(rawValue: String) {
        guard Self.builtIns.contains(Hyperparameter(rawValue)) else { return nil }
        self.rawValue = rawValue
    }

    /// The built-in hyperparameter spelled `name`, or else the program parameter `name`.
    public init(named name: String) {
        self = Hyperparameter(rawValue: name) ?? .program(name)
    }

    private init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A parameter of a command trainer's program that is not built in (`dropout`,
    /// `learning_rate`): searched and passed like any other, read by no embedded trainer.
    public static func program(_ name: String) -> Hyperparameter {
        Hyperparameter(name)
    }

    /// Whether the embedded trainer reads this hyperparameter (it is one of ``allCases``).
    public var isBuiltIn: Bool { Self.builtIns.contains(self) }

    public static let lr = Hyperparameter("lr")
    public static let weightDecay = Hyperparameter("weight_decay")
    public static let batchSize = Hyperparameter("batch_size")
    public static let loss = Hyperparameter("loss")
    public static let focalGamma = Hyperparameter("focal_gamma")
    public static let focalAlpha = Hyperparameter("focal_alpha")
    // The remedies for small objects (see `Hyperparameter+Remedies.swift`).
    public static let attention = Hyperparameter("attention")
    public static let mosaic = Hyperparameter("mosaic")
    public static let scale = Hyperparameter("scale")
    public static let translate = Hyperparameter("translate")
    public static let hsvH = Hyperparameter("hsv_h")
    public static let hsvS = Hyperparameter("hsv_s")
    public static let hsvV = Hyperparameter("hsv_v")
    public static let fliplr = Hyperparameter("fliplr")
    public static let copyPaste = Hyperparameter("copy_paste")

    /// The built-in hyperparameters, in the order sweep files, views and samplers list them.
    public static let allCases: [Hyperparameter] = [
        .lr, .weightDecay, .batchSize, .loss, .focalGamma, .focalAlpha, .attention, .mosaic,
        .scale, .translate, .hsvH, .hsvS, .hsvV, .fliplr, .copyPaste,
    ]

    /// ``allCases`` as a set: every hyperparameter the embedded trainer is given.
    public static let builtIns = Set(allCases)

    /// Built-in ones first, in ``allCases`` order, then program parameters by name.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let left = allCases.firstIndex(of: lhs) ?? allCases.count
        let right = allCases.firstIndex(of: rhs) ?? allCases.count
        return left != right ? left < right : lhs.rawValue < rhs.rawValue
    }
}

/// One value of a hyperparameter.
public enum ParameterValue: Sendable, Hashable, Codable {
    case number(Double)
    case integer(Int)
    case text(String)
}

/// The search domain of one hyperparameter.
public enum ParameterDomain: Sendable, Equatable {
    /// Categorical: exactly these values (the only kind a grid accepts).
    case values([ParameterValue])
    case uniform(min: Double, max: Double)
    case logUniform(min: Double, max: Double)
    case intUniform(min: Int, max: Int)
    /// Log-uniform, then rounded to a multiple of `q` (e.g. batch sizes in steps of 8).
    case qLogUniform(min: Double, max: Double, q: Double)
    /// Gaussian with mean `mu` and standard deviation `sigma`, truncated to
    /// ``normalTruncation`` standard deviations either side (a bounded domain, as every other).
    case normal(mu: Double, sigma: Double)
    /// `exp` of ``normal(mu:sigma:)``'s draw: `mu` and `sigma` are the logarithm's.
    case logNormal(mu: Double, sigma: Double)

    /// How many standard deviations a `normal` or `log_normal` domain reaches either side of
    /// `mu`: 99.7 % of an untruncated Gaussian's draws.
    public static let normalTruncation = 3.0

    /// The `[low, high]` of a `normal` or `log_normal` domain's values; nil for the others.
    public var normalBounds: ClosedRange<Double>? {
        switch self {
        case .normal(let mu, let sigma):
            (mu - Self.normalTruncation * sigma)...(mu + Self.normalTruncation * sigma)
        case .logNormal(let mu, let sigma):
            exp(mu - Self.normalTruncation * sigma)...exp(mu + Self.normalTruncation * sigma)
        default: nil
        }
    }
}

/// Early stopping of unpromising trials from their per-epoch results.
public struct EarlyStopSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// Asynchronous successive halving.
        case asha
        /// Stop a trial whose best result so far is below the median of other trials at that epoch.
        case median
    }

    public var kind: Kind
    /// No trial is stopped before this epoch.
    public var minEpochs: Int
    /// ASHA's η: the top 1/η of trials at a rung go on.
    public var reductionFactor: Int

    public init(kind: Kind, minEpochs: Int = 1, reductionFactor: Int = 3) {
        self.kind = kind
        self.minEpochs = minEpochs
        self.reductionFactor = reductionFactor
    }
}
