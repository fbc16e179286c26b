/// Finds the truth document a run's `source.path` refers to.
///
/// Paths are equal when the run and the truth share a root. When they do not (a run over
/// `shared/realdocs` records `chicago-….pdf`, or a run over a parent folder records
/// `dump/chicago-….pdf`), one path must end with the other at a `/` boundary; the truth
/// path sharing the most trailing components wins, and a tie is left unmatched rather than
/// guessed.
package struct TruthPathIndex: Sendable {
    /// Cleaned truth path → the path as the truth file wrote it.
    private let original: [String: String]

    package init(paths: [String]) {
        var original: [String: String] = [:]
        for path in paths { original[TruthPathIndex.clean(path)] = path }
        self.original = original
    }

    /// The truth path for a predicted path, or nil when none or several fit equally.
    package func truthPath(for predicted: String) -> String? {
        let p = TruthPathIndex.clean(predicted)
        if let hit = original[p] { return hit }
        let pParts = p.split(separator: "/")
        var best: (path: String, shared: Int)?
        var tie = false
        for t in original.keys.sorted() {
            let tParts = t.split(separator: "/")
            let shared = zip(pParts.reversed(), tParts.reversed()).prefix { $0 == $1 }.count
            // One path must be wholly the tail of the other.
            guard shared > 0, shared == min(pParts.count, tParts.count) else { continue }
            if let b = best, b.shared == shared {
                tie = true
            } else if best.map({ shared > $0.shared }) ?? true {
                best = (t, shared)
                tie = false
            }
        }
        return tie ? nil : best.flatMap { original[$0.path] }
    }

    static func clean(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.hasPrefix("/") { p.removeFirst() }
        return p
    }
}
