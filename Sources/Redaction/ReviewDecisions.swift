import FoiaCore
import Foundation

/// A reviewer's decisions (`private/decisions.jsonl`), folded into what the redact pass applies.
///
/// Each line of the file is one decision, appended by `foiapipe review`; a later line about
/// the same target overrides an earlier one (remove, then keep again, keeps). The redact pass
/// applies them with the whole dump's registry, so they reach the JSON records, the redacted
/// PDFs and the audit alike:
///
/// - `remove` / `keep`: a redacted string, in one document, is published / redacted again;
/// - `add`: a string selected on a page is redacted wherever the dump prints it
///   (audited with rule `reviewer_added`, so `verify` requires it gone everywhere);
/// - `official` / `private`: a person, for the whole dump;
/// - `join` / `split`: two identities are one person (one tag), or not;
/// - `box`: an area drawn where no word is printed, blacked out on the page;
/// - `withhold`: a whole page, published as a page covered in black with only the notice
///   `withheldLabel`, its text left out of every public record (see `Withholding`);
/// - `undo`: cancels an earlier line by its `id`, as if it had never been written (the file
///   stays append-only; an undo itself cannot be undone, make the decision again).
///
/// A value with no I/O: the file is read by the batch runner and written by the review app.
public struct ReviewDecisions: Sendable, Equatable {
    /// A string the reviewer selected on a page, to redact in its document.
    public struct Addition: Sendable, Hashable {
        public var text: String
        public var type: PIIType
    }

    /// Folded strings whose redaction the reviewer removed, by document path.
    public private(set) var removed: [String: Set<String>] = [:]
    /// Strings to redact, by document path.
    public private(set) var added: [String: [Addition]] = [:]
    /// Identities decided official, and decided private, for the whole dump.
    public private(set) var officials: Set<String> = []
    public private(set) var privates: Set<String> = []
    /// Joined identities: each key is the same person as its value.
    public private(set) var joined: [String: String] = [:]
    /// An area decision: the boxes one `box` line drew, and the line's id (for undo).
    public struct Area: Sendable, Hashable {
        public var id: String?
        public var boxes: [Box]
    }

    /// Areas drawn on a page where no word is printed (a photo, a signature), by document
    /// path and page: burned into the redacted PDF, in page points from the top left.
    public private(set) var areas: [String: [Int: [Area]]] = [:]
    /// Pages withheld whole, by document path, with the id of the line that withheld each.
    public private(set) var withheldPages: [String: [Int: String]] = [:]
    /// Ids of lines an `undo` cancelled.
    public private(set) var undone: Set<String> = []
    /// Folded strings the reviewer kept, removed or added, by document path: reviewed.
    public private(set) var reviewed: [String: Set<String>] = [:]
    /// Lines read, for the summary.
    public private(set) var count = 0
    /// Every addition compiled into one pattern, once per file read (not once per text).
    private var additionMatcher = AdditionMatcher([])

    /// The strength of a reviewer's decision: above every rule's (at most 1).
    static let decidedStrength = 2.0

    /// The rule id of a redaction the reviewer added.
    public static let addedRule = "reviewer_added"
    /// The rule id of an area the reviewer drew.
    public static let boxRule = "reviewer_box"
    /// The rule id of a page the reviewer withheld whole.
    public static let withheldRule = WithheldNotice.rule

    /// Areas drawn, by document path and page.
    public var boxes: [String: [Int: [Box]]] {
        areas.mapValues { $0.mapValues { $0.flatMap(\.boxes) } }
    }

    /// The pages of a document withheld whole.
    public func withheld(in path: String?) -> Set<Int> {
        guard let path, let pages = withheldPages[path] else { return [] }
        return Set(pages.keys)
    }

    public init() {}

    /// Reads the decisions of `decisions.jsonl`; lines that are not a known decision are
    /// reported in `problems` (with their line number) and skipped.
    public init(jsonLines text: String) {
        var problems: [String] = []
        self.init(jsonLines: text, problems: &problems)
    }

    public init(jsonLines text: String, problems: inout [String]) {
        var objects: [(Int, String, [String: Any])] = []
        var found: [(line: Int, problem: String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let decision = object["decision"] as? String
            else {
                found.append((number + 1, "not a decision object"))
                continue
            }
            objects.append((number + 1, decision, object))
        }
        // An undo cancels the line it names wherever that line is: first the undone ids.
        for (number, decision, object) in objects where decision == "undo" {
            guard let of = object["of"] as? String, !of.isEmpty else {
                found.append((number, "an 'undo' needs 'of', the id of the decision it cancels"))
                continue
            }
            undone.insert(of)
            count += 1
        }
        for (number, decision, object) in objects where decision != "undo" {
            if let id = object["id"] as? String, undone.contains(id) {
                count += 1
                continue
            }
            if !apply(decision, object) {
                found.append((number, "unknown or incomplete decision '\(decision)'"))
            }
        }
        problems += found.sorted { $0.line < $1.line }.map { "line \($0.line): \($0.problem)" }
        additionMatcher = AdditionMatcher(allAdditions)
    }

    /// Folds one decision in; false when it is not understood.
    private mutating func apply(_ decision: String, _ o: [String: Any]) -> Bool {
        let path = o["path"] as? String
        let text = (o["text"] as? String).map(ReviewDecisions.fold) ?? ""
        let identity = (o["identity"] as? String).map(ReviewDecisions.fold) ?? ""
        count += 1
        switch decision {
        case "remove", "keep":
            guard let path, !text.isEmpty else { return false }
            reviewed[path, default: []].insert(text)
            if decision == "remove" {
                // Removing a redaction the reviewer had added takes the addition back.
                removed[path, default: []].insert(text)
                added[path]?.removeAll { ReviewDecisions.fold($0.text) == text }
            } else {
                removed[path]?.remove(text)
            }
        case "add":
            guard let path, let raw = o["text"] as? String, !text.isEmpty else { return false }
            let type = (o["type"] as? String).flatMap(PIIType.init(rawValue:)) ?? .otherIdentifier
            reviewed[path, default: []].insert(text)
            removed[path]?.remove(text)
            added[path, default: []].removeAll { ReviewDecisions.fold($0.text) == text }
            added[path, default: []].append(Addition(text: raw, type: type))
        case "box":
            guard let path, let page = o["page"] as? Int, let list = o["boxes"] as? [[Any]] else { return false }
            let drawn = list.compactMap { b -> Box? in
                let v = b.compactMap { ($0 as? NSNumber)?.doubleValue }
                guard v.count == 4, v[2] > v[0], v[3] > v[1] else { return nil }
                return Box(x0: v[0], y0: v[1], x1: v[2], y1: v[3])
            }
            guard !drawn.isEmpty else { return false }
            areas[path, default: [:]][page, default: []].append(Area(id: o["id"] as? String, boxes: drawn))
        case "withhold":
            guard let path, let page = o["page"] as? Int, page >= 1 else { return false }
            withheldPages[path, default: [:]][page] = (o["id"] as? String) ?? ""
        case "official", "private":
            guard !identity.isEmpty else { return false }
            if decision == "official" {
                officials.insert(identity)
                privates.remove(identity)
            } else {
                privates.insert(identity)
                officials.remove(identity)
            }
        case "join":
            let into = (o["into"] as? String).map(ReviewDecisions.fold) ?? ""
            guard !identity.isEmpty, !into.isEmpty, identity != into else { return false }
            // No cycle: joining into a name that already stands for this one turns it round.
            guard canonical(into) != identity else { return true }
            joined[identity] = into
        case "split":
            guard !identity.isEmpty else { return false }
            joined[identity] = nil
        default:
            count -= 1
            return false
        }
        return true
    }

    /// The identity that `identity` was joined into (itself when not joined).
    public func canonical(_ identity: String) -> String {
        var current = identity
        var seen: Set<String> = [identity]
        while let next = joined[current], seen.insert(next).inserted { current = next }
        return current
    }

    /// Every string added in any document, once: an added redaction applies to the whole dump,
    /// as `verify` searches every audited string everywhere (the same name or number in another
    /// document is the same person's).
    public var allAdditions: [Addition] {
        var seen: Set<String> = []
        return added.keys.sorted().flatMap { added[$0] ?? [] }.filter { seen.insert(ReviewDecisions.fold($0.text)).inserted }
    }

    /// Lower case with whitespace runs as one space: how strings are compared.
    public static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the reviewer removed the redaction of this string in `path`.
    public func isRemoved(_ original: String, in path: String?) -> Bool {
        guard let path, let set = removed[path], !set.isEmpty else { return false }
        return set.contains(ReviewDecisions.fold(original))
    }

    /// Applies the document's removals and additions to the spans the rules resolved in `text`.
    func apply(to spans: [ResolvedSpan], in text: String, scope: String?, pseudonyms: Pseudonymizer) -> [ResolvedSpan] {
        guard let scope else { return spans }
        let ns = text as NSString
        var out = spans.filter { !isRemoved(ns.substring(with: $0.span.nsRange), in: scope) }
        for (range, addition) in additionMatcher.matches(in: text) {
            let span = TextSpan(range.location, range.location + range.length)
            guard !out.contains(where: { $0.span.overlaps(span) }) else { continue }
            var identity: String?
            var placeholder = addition.type.placeholder
            if addition.type == .personName, let id = PersonName.identity(of: addition.text) {
                identity = canonical(id)
                placeholder = pseudonyms.tag(forIdentity: canonical(id))
            }
            out.append(
                ResolvedSpan(
                    span: span, type: addition.type, ruleID: ReviewDecisions.addedRule, confidence: 1,
                    placeholder: placeholder, identity: identity))
        }
        return out.sorted { $0.span < $1.span }
    }
}

/// The reviewer's added strings as one compiled pattern: each string's words, escaped and
/// joined by any whitespace, between non-word boundaries, longest first, case-insensitive.
///
/// Compiled once when the decisions are read. Compiling each string's pattern for every
/// text the redact pass read made 100 decisions cost seconds on SampleDocs (issue 17).
struct AdditionMatcher: @unchecked Sendable, Equatable {
    // NSRegularExpression is immutable once made, so sharing it between threads is safe.
    private let regex: NSRegularExpression?
    private let byFolded: [String: ReviewDecisions.Addition]
    private let additions: [ReviewDecisions.Addition]

    init(_ additions: [ReviewDecisions.Addition]) {
        self.additions = additions
        var byFolded: [String: ReviewDecisions.Addition] = [:]
        var patterns: [(Int, String)] = []
        for a in additions {
            let words = a.text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard !words.isEmpty else { continue }
            let key = words.joined(separator: " ").lowercased()
            guard byFolded[key] == nil else { continue }
            byFolded[key] = a
            patterns.append(
                (a.text.count, words.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "\\s+")))
        }
        self.byFolded = byFolded
        let alternatives = patterns.sorted { $0.0 > $1.0 }.map(\.1)
        regex =
            alternatives.isEmpty
            ? nil
            : try? NSRegularExpression(
                pattern: "(?<![\\p{L}\\p{N}])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}])",
                options: [.caseInsensitive])
    }

    /// Each match and the addition it is, in text order.
    func matches(in text: String) -> [(NSRange, ReviewDecisions.Addition)] {
        guard let regex else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let found = ns.substring(with: m.range).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                .lowercased()
            // Case folding can change a string's length (ß); fall back to a case-insensitive look-up.
            if let a = byFolded[found] { return (m.range, a) }
            return byFolded.first { $0.key.compare(found, options: .caseInsensitive) == .orderedSame }
                .map { (m.range, $0.value) }
        }
    }

    static func == (a: AdditionMatcher, b: AdditionMatcher) -> Bool { a.additions == b.additions }
}
