import Foundation
import TextPatterns

/// One place where the text names an offense category.
struct OffenseMention: Sendable {
    var range: NSRange
    /// Index into `OffenseRules.categories`.
    var category: Int
    /// Found by a statute citation rather than by words.
    var isCitation = false
}

/// Finds the offense categories a communication attributes to someone.
///
/// Mentions come from each category's phrases and patterns and from statute citations.
/// Then, in order:
/// - mentions inside printed form boilerplate (`ignore`) are dropped;
/// - a mention inside a longer mention of another category is dropped, so "A&B on a
///   family/household member" is domestic A&B only and "armed robbery" is not also robbery;
/// - words followed at once by a citation of another category give way to it: "A&B
///   (c.265 §13M)" is domestic A&B;
/// - a mention governed by a negation ("was not charged with OUI"), a hypothesis ("if he is
///   arrested for trespass") or a generic subject ("individuals charged with crimes such as
///   murder") is dropped: nothing is attributed to a person there;
/// - so is a mention in a sentence that names offenses as examples, policy or a hypothetical
///   ("an arrest for unlicensed operation alone would not justify …", "e.g. OUI").
struct OffenseMatcher: Sendable {
    let rules: OffenseRules

    /// Every mention found, before attribution is judged; status cues inside these are part of an offense name.
    ///
    /// The phrases are matched in the text as printed and, when `lexicon` knows shorthand in
    /// it, in a copy with the shorthand written out (`oper w/o lic` → `operating without
    /// license`); a mention found only in the copy is placed on the printed shorthand.
    func candidates(in text: MessageText, lexicon: AbbreviationLexicon = .empty) -> [OffenseMention] {
        let scan = text.scan
        var all = mentions(in: scan)
        if let expansion = lexicon.expand(scan) {
            let found = OffenseMatcher.longest(mentions(in: expansion.text)).map { m -> OffenseMention in
                var m = m
                m.range = expansion.printed(m.range)
                return m
            }
            for m in found
            where !all.contains(where: { $0.category == m.category && NSIntersectionRange($0.range, m.range).length > 0 }) {
                all.append(m)
            }
        }
        let ignored = allMatches(rules.ignore, in: scan)
        all = all.filter { m in !ignored.contains { NSIntersectionRange($0, m.range).length > 0 } }
        let kept = OffenseMatcher.longest(all)
        let cited =
            kept.filter { m in !m.isCitation && isOverruledByCitation(m, kept, scan) == false }
            + kept.filter(\.isCitation)
        return cited.sorted { ($0.range.location, $0.category) < ($1.range.location, $1.category) }
    }

    /// Phrases, patterns and statute citations of every category.
    private func mentions(in scan: PatternText) -> [OffenseMention] {
        var all: [OffenseMention] = []
        for (i, rule) in rules.categories.enumerated() {
            all += rule.patterns.flatMap { $0.matches(in: scan) }.map { OffenseMention(range: $0, category: i) }
        }
        let citations = CitationReader(formats: rules.citationFormats, categories: rules.categories)
        all += citations.mentions(in: scan).map {
            OffenseMention(range: $0.range, category: $0.category, isCitation: true)
        }
        return all
    }

    /// Drops a mention inside a longer mention of another category.
    private static func longest(_ all: [OffenseMention]) -> [OffenseMention] {
        all.filter { m in
            !all.contains { other in
                other.category != m.category && other.range.length > m.range.length
                    && NSIntersectionRange(other.range, m.range) == m.range
            }
        }
    }

    /// "A&B (G.L. c.265, s.13M)": a citation printed right after the words names the offense
    /// more precisely than they do.
    private func isOverruledByCitation(_ m: OffenseMention, _ all: [OffenseMention], _ scan: PatternText) -> Bool {
        let end = m.range.location + m.range.length
        return all.contains { c in
            guard c.isCitation, c.category != m.category, c.range.location >= end, c.range.location - end <= 6 else {
                return false
            }
            let gap = scan.substring(with: NSRange(location: end, length: c.range.location - end))
            return gap.allSatisfy { $0.isWhitespace || "(,-–".contains($0) }
        }
    }

    /// The mentions that attribute an offense to a person.
    func attributed(_ mentions: [OffenseMention], in text: MessageText) -> [OffenseMention] {
        let scan = text.scan
        let scope = NegationScope(text: scan)
        let negation = allMatches(rules.negationCues, in: scan)
        let hypothetical = allMatches(rules.hypotheticalCues, in: scan)
        let generic = allMatches(rules.genericCues, in: scan)
        let example = allMatches(rules.exampleCues, in: scan)
        return mentions.filter { m in
            guard let sentence = text.sentence(at: m.range.location) else { return true }
            let clause = clause(at: m.range.location, of: sentence, in: scan)
            let s = rules.scope
            if scope.precedes(negation, m.range, in: clause, maxWords: s.negationWords, acrossCommas: false) {
                return false
            }
            if scope.precedes(hypothetical, m.range, in: clause, maxWords: s.hypotheticalWords) { return false }
            if scope.anywhere(example, in: sentence) { return false }
            return !scope.precedes(generic, m.range, in: sentence)
        }
    }
}
