import Foundation
import TextPatterns

/// A compiled, case-insensitive regular expression from a rule file, with its source kept for messages.
///
/// Printed e-mails wrap lines anywhere, so a space written in a rule matches any run of
/// whitespace, line breaks included: `assault and battery` finds "assault and\nbattery".
/// The run may also hold the stray quotes, bars and `>` that OCR and reply quoting leave
/// between words ("malicious ‘destruction", "larceny by >> check", "class'A").
/// A space followed by a quantifier keeps the quantifier (`a ?& ?b` means optional
/// whitespace). Spaces inside `[...]` and escaped spaces are left as written.
struct RulePattern: Sendable {
    let source: String
    let regex: TextPattern

    /// Compiles a regular expression written in a rule file, or returns nil when it does not compile.
    init?(regex source: String) {
        guard
            let regex = try? TextPattern(
                pattern: RulePattern.widenSpaces(source), options: [.caseInsensitive])
        else { return nil }
        self.source = source
        self.regex = regex
    }

    /// Compiles a plain phrase (`UOMV`, `A&B on FHM`) as whole words, with no regex syntax to learn.
    init?(phrase: String) {
        let words = phrase.split(whereSeparator: { $0.isWhitespace }).map {
            TextPattern.escapedPattern(for: String($0))
        }
        guard !words.isEmpty else { return nil }
        // \b only where the phrase starts or ends with a word character, so `A&B` and `B&E` work.
        let first = phrase.trimmingCharacters(in: .whitespaces).first
        let last = phrase.trimmingCharacters(in: .whitespaces).last
        let lead = (first.map { $0.isLetter || $0.isNumber } ?? false) ? "\\b" : ""
        let trail = (last.map { $0.isLetter || $0.isNumber } ?? false) ? "\\b" : ""
        guard
            let regex = try? TextPattern(
                pattern: lead + words.joined(separator: RulePattern.separator) + trail, options: [.caseInsensitive])
        else { return nil }
        self.source = phrase
        self.regex = regex
    }

    func matches(in text: PatternText, range: NSRange? = nil) -> [NSRange] {
        regex.matches(in: text, range: range ?? NSRange(location: 0, length: text.length)).map(\.range)
    }

    func firstMatch(in text: PatternText, range: NSRange) -> PatternMatch? {
        regex.firstMatch(in: text, range: range)
    }

    /// Whitespace, or OCR and quoting noise, between two words.
    static let separator = #"[\s‘’'"“”`|»«~>]+"#

    /// Rewrites literal spaces outside character classes as `separator` (or `\s` before a
    /// quantifier); inside a lookbehind, which must have a bounded length, as `\s{1,3}`.
    static func widenSpaces(_ pattern: String) -> String {
        var out = ""
        var chars = Array(pattern)[...]
        var inClass = false
        // For each open group, whether it is a lookbehind.
        var groups: [Bool] = []
        while let c = chars.popFirst() {
            if c == "\\" {
                out.append(c)
                if let next = chars.popFirst() { out.append(next) }
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c)
                continue
            }
            if c == "[" {
                inClass = true
                out.append(c)
                // A `]` right after `[` or `[^` is a literal member of the class.
                if chars.first == "^" { out.append(chars.removeFirst()) }
                if chars.first == "]" { out.append(chars.removeFirst()) }
                continue
            }
            if c == "(" {
                groups.append(chars.starts(with: "?<=") || chars.starts(with: "?<!"))
            } else if c == ")" {
                _ = groups.popLast()
            }
            if c == " " {
                while chars.first == " " { chars.removeFirst() }
                if let q = chars.first, "?*+{".contains(q) {
                    out += "\\s"
                } else {
                    out += groups.contains(true) ? "\\s{1,3}" : separator
                }
                continue
            }
            out.append(c)
        }
        return out
    }
}

/// Finds every match of a list of patterns, as ranges sorted by position.
func allMatches(_ patterns: [RulePattern], in text: PatternText) -> [NSRange] {
    patterns.flatMap { $0.matches(in: text) }.sorted { ($0.location, $0.length) < ($1.location, $1.length) }
}
