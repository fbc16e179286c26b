/// Whether a metric could be measured, and if not, why.
///
/// A metric that was not measured must never read as a score of zero: a stage that is not
/// written yet would otherwise look like a stage that gets everything wrong. So every metric
/// carries a status, and numbers are only shown for `ok`.
package enum MetricStatus: Sendable, Equatable {
    /// Measured; the numbers beside it mean what they say.
    case ok
    /// The output needed for this metric is absent (the stage is not built yet, or not run).
    case notBuilt(String)
    /// The truth files carry no labels for this metric.
    case noTruth(String)

    /// The `status` value written to `eval.json`.
    package var label: String {
        switch self {
        case .ok: "ok"
        case .notBuilt: "not built"
        case .noTruth: "no truth"
        }
    }

    /// Why the metric was not measured, or nil when it was.
    package var reason: String? {
        switch self {
        case .ok: nil
        case .notBuilt(let reason), .noTruth(let reason): reason
        }
    }

    package var isOK: Bool { self == .ok }
}
