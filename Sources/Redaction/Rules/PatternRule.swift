import Foundation
import TextPatterns

/// A rule that finds an identifier by its printed shape, with or without a label before it.
///
/// Catches: numbers and codes of every PII type: `DOB: 12/7/1984`, `A# 204-123-456`,
/// `SSN 575-65-7613`, `MA DL S66891344`, `FBI# 74C6012P50`, `MA reg 1HHC47`, e-mail addresses,
/// phone numbers, street addresses. `label` is a regular expression for the field's label;
/// the value must start within `within` characters after it, separated only by spaces,
/// punctuation and symbols (`:`, `#`, dashes, brackets, OCR's `§`), `No.`/`Number` or a
/// linking word of prose (`Your A-number is 287 511 954`, `DOB of 1/2/1980`), a line break included. With
/// `next_line: true` a value missing there is looked for on the next line, as in a form's
/// table (`Name of Alien: Date of Birth:` over `DESIR, JEAN-CLAUDE 12/07/1984`). A named
/// group `v` in `value` marks the part that is redacted. `check` runs a format test
/// (`IdentifierCheck`); a value failing it is dropped (`on_check_failure: reject`) or kept at
/// half confidence for review (`review`).
///
/// Leaves alone: the labels themselves, and what the keep rules of `officials.yaml` keep
/// (agency phones, work e-mails, agency addresses) — that is decided after matching.
///
/// Example: `Linh Truong – DOB: 12/7/1984` → `DOB: [DOB]`.
struct PatternRule: Sendable {
    var id: String
    var type: PIIType
    var description: String
    var label: TextPattern?
    var value: TextPattern
    var within: Int
    var nextLine: Bool
    var check: IdentifierCheck?
    var rejectOnCheckFailure: Bool
    var confidence: Double
    /// Only next to a private person: the rule fires on a line that has, or is next to a line
    /// that has, another redaction (a private name, a DOB, a labelled identifier). Such rules
    /// find numbers no label types, so they run after the others (`Resolver`), not in `TextScanner`.
    var privateContext = false
    /// A value that, whole, matches this is safe and stays (a year, an event's date).
    var unless: TextPattern?
    /// A value this matches right before (up to the value, on its line) is safe and stays:
    /// docket, report, Bates and statute numbers are records of an event, not of a person.
    var unlessBefore: TextPattern?
    /// The rule file it came from (its name), for the rule listing.
    var file = ""

    static let gap = try! TextPattern(
        pattern: #"^[\s\p{P}\p{S}]*(?:(?:no|nbr|num|number)\.?[\s\p{P}\p{S}]*)?(?:(?:is|was|reads|of|listed[ ]as)[\s\p{P}\p{S}]+)?\z"#,
        options: [.caseInsensitive])

    static let matching: TextPattern.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    func findings(in lines: TextLines) -> [Finding] {
        let ns = lines.ns
        var out: [Finding] = []
        var seen = Set<TextSpan>()
        func add(_ m: PatternMatch) {
            var range = m.range
            let v = m.range(withName: "v")
            if v.location != NSNotFound { range = v }
            guard range.length > 0 else { return }
            let span = TextSpan(range)
            guard !seen.contains(span), !isSafe(span, lines) else { return }
            var confidence = self.confidence
            if let check, !check.passes(ns.substring(with: range)) {
                if rejectOnCheckFailure { return }
                confidence *= 0.5
            }
            seen.insert(span)
            out.append(Finding(span: span, type: type, ruleID: id, confidence: confidence))
        }
        guard let label else {
            for m in value.matches(in: ns) { add(m) }
            return out
        }
        for l in label.matches(in: ns) {
            let labelEnd = l.range.location + l.range.length
            let limit = min(ns.length, labelEnd + within + 80)
            var found = false
            let search = NSRange(location: labelEnd, length: limit - labelEnd)
            for m in value.matches(in: ns, options: PatternRule.matching, range: search) {
                let start = m.range.location
                guard start - labelEnd <= within else { break }
                // The gap is searched in place (opaque, anchoring bounds: `^` and `\z` are its ends).
                guard PatternRule.gap.isMatch(in: ns, range: NSRange(location: labelEnd, length: start - labelEnd)) else { break }
                add(m)
                found = true
                break
            }
            if !found, nextLine {
                let lineIndex = lines.lineIndex(at: labelEnd)
                guard lineIndex + 1 < lines.lines.count else { continue }
                let next = lines.lines[lineIndex + 1].span
                if let m = value.firstMatch(in: ns, options: PatternRule.matching, range: next.nsRange) { add(m) }
            }
        }
        return out
    }

    /// Whether `unless`/`unlessBefore` say the value is a safe number.
    private func isSafe(_ span: TextSpan, _ lines: TextLines) -> Bool {
        let ns = lines.ns
        if let unless, unless.isMatch(in: ns, range: span.nsRange) { return true }
        if let unlessBefore {
            let lineStart = lines.lines[lines.lineIndex(at: span.start)].span.start
            let before = NSRange(location: lineStart, length: span.start - lineStart)
            if unlessBefore.isMatch(in: ns, range: before) { return true }
        }
        return false
    }
}
