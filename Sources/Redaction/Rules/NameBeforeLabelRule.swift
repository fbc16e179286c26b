import Foundation
import TextPatterns

/// Names printed just before a personal identifier: the head of a record line.
///
/// Catches: `Faduma Abdirahman Ugas, DOB …`, `Linh Truong – DOB:`, `UGAS, FADUMA, DOB`,
/// `Kemar Bailey-Grant, DOB June 22, 1975`, `HUANG, MEI (February 5, 1977, China)`. `label` is
/// the identifier's label (or a date in brackets); the name must end right before it,
/// separated by at most a comma, dash or opening bracket.
///
/// Leaves alone: officials (decided later with the registry) and ordinary words before the
/// name (`Yesterday Jose Alvarez, DOB` keeps `Yesterday`).
///
/// Example: `Wei Zhou, DOB March 28, 1966` → `[PERSON-22AF], DOB [DOB]`.
enum NameBeforeLabelRule {
    static let gap = try! TextPattern(pattern: #"^[ \t]*[,;:(\-–—]?[ \t]*\(?[ \t]*\z"#)

    static func findings(_ rule: NameRule, _ ctx: ScanContext) -> [Finding] {
        guard let label = rule.label else { return [] }
        var out: [Finding] = []
        for m in ctx.matches(label) {
            let at = m.range.location
            guard let k = lastWord(before: at, ctx) else { continue }
            if ctx.field == .body, ctx.partyLines.contains(ctx.tokenLine[k]) { continue }
            if let name = ctx.parser.name(endingAt: k, rule.context) {
                out.append(rule.finding(name))
            } else if rule.singleWord, ctx.parser.isNameWord(k, .strong), !ctx.tokens[k].isInitial,
                !ctx.tokens[k].touchesDigit
            {
                // An ordinary word as the subject (`Fortes was identified`, where `fortes` is
                // also a word) counts, at lower confidence; the lexicon's never-a-name list
                // holds the nouns police use as subjects (`Suspect`, `Victim`, `Nobody`).
                let token = ctx.tokens[k]
                // The last word of a place the lexicon lists (`City Hall is booked`,
                // `Schroeder Plaza is booked`) is no one's surname.
                if endsNeverNamePhrase(k, ctx) { continue }
                let isWord = ctx.rules.lexicon.isDictionaryWord(folded: token.folded)
                if isWord && token.text.count <= 3 { continue }
                let end = token.span.start + (token.stem as NSString).length
                out.append(
                    Finding(
                        span: TextSpan(token.span.start, end), type: .personName, ruleID: rule.id,
                        confidence: rule.confidence * (isWord ? 0.7 : 0.9),
                        name: PersonName(given: [], surname: [token.folded]),
                        identity: nil))
            }
        }
        return out
    }

    /// Whether the words ending at token `k` are a never-a-name phrase, on one line or wrapped
    /// onto the next (`… at Schroeder` / `> Plaza is booked`: only spaces and quote marks between).
    static func endsNeverNamePhrase(_ k: Int, _ ctx: ScanContext) -> Bool {
        for length in 2...4 where k - length + 1 >= 0 {
            let first = k - length + 1
            guard (first + 1...k).allSatisfy({ ctx.tokens[$0].gapBefore.allSatisfy { $0.isWhitespace || $0 == ">" } })
            else { break }
            let words = (first...k).map { ctx.tokens[$0].folded }
            if ctx.rules.lexicon.neverNamePhrase(words, at: 0) == length { return true }
        }
        return false
    }

    /// The word a name ending before `at` would end with: the word right before it (at most a
    /// comma, dash or bracket between), or a possessive word whose `'s` starts the label.
    static func lastWord(before at: Int, _ ctx: ScanContext) -> Int? {
        guard let next = ctx.token(atOrAfter: at) else {
            return ctx.tokens.isEmpty ? nil : check(ctx.tokens.count - 1, at, ctx)
        }
        // A word containing `at` (the label starts inside it, at its possessive ending).
        if next > 0, ctx.tokens[next - 1].span.end > at {
            let t = ctx.tokens[next - 1]
            return t.span.start + (t.stem as NSString).length == at ? next - 1 : nil
        }
        return next > 0 ? check(next - 1, at, ctx) : nil
    }

    private static func check(_ k: Int, _ at: Int, _ ctx: ScanContext) -> Int? {
        let end = ctx.tokens[k].span.end
        guard at >= end, at - end <= 6 else { return nil }
        let between = ctx.ns.substring(with: NSRange(location: end, length: at - end))
        guard gap.isMatch(in: between)
        else { return nil }
        return k
    }
}
