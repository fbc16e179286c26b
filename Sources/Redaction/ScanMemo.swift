import Synchronization

/// What the detect pass found in each text, kept for the redact pass.
///
/// Both passes scan every page and every communication with the same rules, and the rules'
/// regular expressions are most of redaction's cost. What a scan finds is small (findings,
/// officials and kept spans: a few KB a page), so the detect pass keeps it, up to a byte
/// budget, and the redact pass takes it back instead of matching every rule again; only the
/// word and line index of the text is rebuilt. The output is the same with or without it
/// (tested), and memory stays bounded by the budget, not by the dump: texts beyond it are
/// scanned twice as before.
public final class ScanMemo: Sendable {
    struct Key: Hashable, Sendable {
        let text: String
        let field: FieldKind
    }

    struct Entry: Sendable {
        let scan: TextScan
        let signatureLines: Set<Int>
        let bytes: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    /// Bytes of kept scans (texts included) beyond which nothing more is kept.
    public let budget: Int

    public init(budget: Int = 96 << 20) {
        self.budget = budget
    }

    /// Texts taken back and texts scanned again in the redact pass (the tests check the hits).
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    func keep(_ text: String, _ field: FieldKind, _ scan: TextScan, signatureLines: Set<Int>) {
        let bytes =
            text.utf8.count + 64 + (scan.findings.count + scan.officials.count) * 128 + scan.kept.count * 16
            + signatureLines.count * 16
        state.withLock { s in
            guard s.bytes + bytes <= budget else { return }
            let key = Key(text: text, field: field)
            if let old = s.entries[key] { s.bytes -= old.bytes }
            s.entries[key] = Entry(scan: scan, signatureLines: signatureLines, bytes: bytes)
            s.bytes += bytes
        }
    }

    /// The kept scan of a text, removed from the memo (each text is redacted once).
    func take(_ text: String, _ field: FieldKind) -> Entry? {
        state.withLock { s in
            guard let entry = s.entries.removeValue(forKey: Key(text: text, field: field)) else {
                s.misses += 1
                return nil
            }
            s.bytes -= entry.bytes
            s.hits += 1
            return entry
        }
    }
}
