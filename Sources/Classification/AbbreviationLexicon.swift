import Foundation
import Rules
import TextPatterns
import Yams

/// Police shorthand and what it stands for (`Pipelines/abbreviations.yaml`).
///
/// Offense rules are written in whole words. Before they are matched, a second copy of the
/// message is made with every known abbreviation written out (`unlic op MV` → `unlicensed
/// operating motor vehicle`), so a new combination of known abbreviations matches the rule
/// for the words with no rule of its own. Offsets in the expanded copy map back to the
/// printed text, so evidence, pages and status are read where the words were printed.
struct AbbreviationLexicon: Sendable {
    struct Entry: Sendable {
        /// The printed forms, as written in the file.
        var forms: [String]
        var expansion: String
        /// Matches any printed form as a whole token.
        var pattern: TextPattern
        /// When given, the text right after the form must start with one of these.
        var onlyBefore: [TextPattern]
        /// When given, the text right before the form must end with one of these.
        var onlyAfter: [TextPattern]
        /// The text right after the form must not start with any of these.
        var notBefore: [TextPattern]
    }

    var entries: [Entry] = []

    static let empty = AbbreviationLexicon()

    /// The text with every abbreviation written out, and for each of its UTF-16 units the
    /// printed range it came from.
    struct Expansion {
        let text: PatternText
        /// For unit k of `text`: where the printed token (or character) it came from starts and ends.
        let starts: [Int]
        let ends: [Int]

        /// The printed range behind a range of the expanded text.
        func printed(_ r: NSRange) -> NSRange {
            guard r.length > 0, r.location < starts.count else { return r }
            let start = starts[r.location]
            let end = ends[min(r.location + r.length, ends.count) - 1]
            return NSRange(location: start, length: max(0, end - start))
        }
    }

    /// The expanded copy of `text`, or nil when no abbreviation occurs in it.
    func expand(_ text: PatternText) -> Expansion? {
        guard !entries.isEmpty else { return nil }
        let all = NSRange(location: 0, length: text.length)
        var hits: [(range: NSRange, entry: Int)] = []
        for (i, e) in entries.enumerated() {
            for m in e.pattern.matches(in: text, range: all) where allowed(e, m.range, in: text) {
                hits.append((m.range, i))
            }
        }
        guard !hits.isEmpty else { return nil }
        // Leftmost first, the longest of those starting together (`w/o` before `w/`).
        hits.sort { ($0.range.location, -$0.range.length, $0.entry) < ($1.range.location, -$1.range.length, $1.entry) }
        var units: [UInt16] = []
        var starts: [Int] = []
        var ends: [Int] = []
        units.reserveCapacity(text.length + hits.count * 16)
        var position = 0
        for hit in hits where hit.range.location >= position {
            while position < hit.range.location {
                units.append(text.units[position])
                starts.append(position)
                ends.append(position + 1)
                position += 1
            }
            let end = hit.range.location + hit.range.length
            for u in entries[hit.entry].expansion.utf16 {
                units.append(u)
                starts.append(hit.range.location)
                ends.append(end)
            }
            position = end
        }
        while position < text.length {
            units.append(text.units[position])
            starts.append(position)
            ends.append(position + 1)
            position += 1
        }
        return Expansion(text: PatternText(units: units), starts: starts, ends: ends)
    }

    private func allowed(_ e: Entry, _ r: NSRange, in text: PatternText) -> Bool {
        let end = r.location + r.length
        let after = NSRange(location: end, length: min(40, text.length - end))
        let beforeStart = max(0, r.location - 40)
        let before = NSRange(location: beforeStart, length: r.location - beforeStart)
        if e.notBefore.contains(where: { $0.firstMatch(in: text, options: [.anchored], range: after) != nil }) {
            return false
        }
        if e.onlyBefore.isEmpty && e.onlyAfter.isEmpty { return true }
        if e.onlyBefore.contains(where: { $0.firstMatch(in: text, options: [.anchored], range: after) != nil }) {
            return true
        }
        return e.onlyAfter.contains { p in
            p.matches(in: text, range: before).contains { (m: PatternMatch) in m.range.location + m.range.length == r.location }
        }
    }
}

/// Reads and validates `abbreviations.yaml`.
///
/// Checks, all reported together with file, line and key: the version; unknown keys; every
/// entry has at least one form and an expansion; no form is listed twice; every context
/// pattern compiles.
enum AbbreviationLexiconReader {
    static let supportedVersion = 1

    static func read(_ text: String, file: String) -> (AbbreviationLexicon?, [RuleProblem]) {
        let reader = ConfigReader(file: file)
        guard let root = reader.compose(text) else { return (nil, reader.problems) }
        let top = reader.mapping(root, "", allowed: ["version", "abbreviations"])
        reader.checkVersion(top, supported: supportedVersion, root: root)
        if top["abbreviations"] == nil { reader.report(root, "abbreviations", "missing") }
        var seen: [String: String] = [:]
        var lexicon = AbbreviationLexicon()
        for (i, item) in reader.sequence(top["abbreviations"], "abbreviations").enumerated() {
            let path = "abbreviations[\(i)]"
            let e = reader.mapping(
                item, path, allowed: ["short", "means", "only_before", "only_after", "not_before", "case_sensitive"])
            let forms: [String]
            if case .sequence = e["short"] {
                forms = reader.strings(e["short"], "\(path).short")
            } else if let one = reader.string(e["short"], "\(path).short") {
                forms = [one]
            } else {
                forms = []
            }
            let cleaned = forms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cleaned.isEmpty {
                reader.report(item, "\(path).short", "missing; the abbreviation as printed, e.g. 'unlic'")
                continue
            }
            guard let means = reader.string(e["means"], "\(path).means"), !means.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                reader.report(item, "\(path).means", "missing; the words it stands for")
                continue
            }
            let caseSensitive = reader.bool(e["case_sensitive"], "\(path).case_sensitive") ?? false
            for form in cleaned {
                let key = caseSensitive ? form : form.lowercased()
                if let other = seen[key] {
                    reader.report(e["short"], "\(path).short", "'\(form)' is already listed (\(other))")
                }
                seen[key] = path
            }
            let context = { (key: String) -> [TextPattern] in
                reader.patterns(e[key], "\(path).\(key)").compactMap { p in
                    try? TextPattern(
                        pattern: key == "only_after" ? "(?:" + RulePattern.widenSpaces(p.source) + ")\\s*$"
                            : "\\s*(?:" + RulePattern.widenSpaces(p.source) + ")",
                        options: [.caseInsensitive])
                }
            }
            guard let pattern = tokenPattern(cleaned, caseSensitive: caseSensitive) else {
                reader.report(e["short"], "\(path).short", "cannot be matched")
                continue
            }
            lexicon.entries.append(
                AbbreviationLexicon.Entry(
                    forms: cleaned, expansion: means, pattern: pattern, onlyBefore: context("only_before"),
                    onlyAfter: context("only_after"), notBefore: context("not_before")))
        }
        return reader.problems.isEmpty ? (lexicon, []) : (nil, reader.problems)
    }

    /// The forms as whole tokens: not inside a word, a citation (`c.209A`) or a longer
    /// shorthand (`I/A&B`, `A&BDW`).
    private static func tokenPattern(_ forms: [String], caseSensitive: Bool) -> TextPattern? {
        let alternatives = forms.sorted { $0.count > $1.count }.map { form -> String in
            let escaped = TextPattern.escapedPattern(for: form)
            let lead = form.first.map { $0.isLetter || $0.isNumber } ?? false ? #"(?<![\w/&.])"# : #"(?<![\w/&])"#
            let trail = form.last.map { $0.isLetter || $0.isNumber } ?? false ? #"(?![\w&]|/\w)"# : #"(?![/&])"#
            return lead + escaped + trail
        }
        return try? TextPattern(
            pattern: "(?:" + alternatives.joined(separator: "|") + ")", options: caseSensitive ? [] : [.caseInsensitive])
    }
}
