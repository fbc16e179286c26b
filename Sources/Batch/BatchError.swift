import RunStore

/// Why a run or a merge stopped before finishing; each case says what to do.
///
/// One bad document never stops a batch (it goes to `errors.jsonl`); these are the failures
/// of the batch itself.
public enum BatchError: Error, Sendable, CustomStringConvertible {
    /// A bad option or a damaged key: nothing was processed.
    case usage(String)
    /// The run store (`private/run.sqlite`) could not be read or written.
    case store(StoreError)
    /// An output file could not be written.
    case output(String)
    /// Shard folders that do not make one complete, consistent dump.
    case merge(String)

    public var description: String {
        switch self {
        case .usage(let m): m
        case .store(let e): "run store: \(e)"
        case .output(let m): "cannot write output: \(m)"
        case .merge(let m): "cannot merge: \(m)"
        }
    }
}
