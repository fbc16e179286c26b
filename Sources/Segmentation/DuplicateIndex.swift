import FoiaCore

/// Finds top-level messages printed twice in a dump (for example from both mailboxes).
///
/// Two messages are the same when sender, time (to the minute) and subject agree and their
/// bodies share at least 80 % of their word pairs. Fed in output order, so the first
/// occurrence is the one others point to. Not thread-safe: used by the ordered writer.
public final class DuplicateIndex {
    private var seen: [String: [(id: String, body: String)]] = [:]

    public init() {}

    /// Sets `duplicateOf` on messages seen before.
    public func mark(_ communications: inout [Communication]) {
        for k in communications.indices where communications[k].kind == .email {
            let c = communications[k]
            guard let sent = c.header.sent, let from = c.header.from else { continue }
            let key = [Self.fold(from), String(sent.prefix(16)), Self.fold(c.header.subject ?? "")].joined(separator: "|")
            // Bodies are compared only when sender, time and subject already agree, which is rare.
            if let candidates = seen[key] {
                let shingles = Self.shingles(c.body)
                if let earlier = candidates.first(where: { Self.similarity(Self.shingles($0.body), shingles) >= 0.8 }) {
                    communications[k].duplicateOf = earlier.id
                    continue
                }
            }
            seen[key, default: []].append((c.id, c.body))
        }
    }

    static func fold(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func shingles(_ body: String) -> Set<String> {
        let words = body.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(600)
        guard words.count > 1 else { return Set(words.map(String.init)) }
        return Set(zip(words, words.dropFirst()).map { "\($0) \($1)" })
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let inter = a.intersection(b).count
        return Double(inter) / Double(max(1, min(a.count, b.count)))
    }
}
