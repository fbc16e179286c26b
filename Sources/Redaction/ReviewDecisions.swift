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
/// - `box`: an area drawn where no word is printed, blacked out on the page.
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
    /// Areas drawn on a page where no word is printed (a photo, a signature), by document
    /// path and page: burned into the redacted PDF, in page points from the top left.
    public private(set) var boxes: [String: [Int: [Box]]] = [:]
    /// Folded strings the reviewer kept, removed or added, by document path: reviewed.
    public private(set) var reviewed: [String: Set<String>] = [:]
    /// Lines read, for the summary.
    public private(set) var count = 0

    /// The strength of a reviewer's decision: above every rule's (at most 1).
    static let decidedStrength = 2.0

    /// The rule id of a redaction the reviewer added.
    public static let addedRule = "reviewer_added"
    /// The rule id of an area the reviewer drew.
    public static let boxRule = "reviewer_box"

    public init() {}

    /// Reads the decisions of `decisions.jsonl`; lines that are not a known decision are
    /// reported in `problems` (with their line number) and skipped.
    public init(jsonLines text: String) {
        var problems: [String] = []
        self.init(jsonLines: text, problems: &problems)
    }

    public init(jsonLines text: String, problems: inout [String]) {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let decision = object["decision"] as? String
            else {
                problems.append("line \(number + 1): not a decision object")
                continue
            }
            if !apply(decision, object) {
                problems.append("line \(number + 1): unknown or incomplete decision '\(decision)'")
            }
        }
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
            boxes[path, default: [:]][page, default: []] += drawn
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
        for addition in allAdditions {
            let words = addition.text.split(whereSeparator: { $0.isWhitespace }).map {
                NSRegularExpression.escapedPattern(for: String($0))
            }
            guard !words.isEmpty,
                let regex = try? NSRegularExpression(
                    pattern: "(?<![\\p{L}\\p{N}])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}])",
                    options: [.caseInsensitive])
            else { continue }
            for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let span = TextSpan(m.range.location, m.range.location + m.range.length)
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
        }
        return out.sorted { $0.span < $1.span }
    }
}
