import Foundation
import TextPatterns

/// Reads the level of one offense mention where the category's level depends on facts.
///
/// The facts are looked for next to the mention: from 30 characters before it to 60 after
/// it, within its sentence, and never past the offense named before or after it (in "A&B
/// FHM; OUI 3rd offense" the "3rd" is the OUI's, in "MDP under $1200 and larceny" the
/// amount is the MDP's).
/// - Amounts (`level_by_amount`): "over $1,200", "+$1200", "$2,500 worth" are above the
///   threshold; "under $1,200", "-$1200", "$1,200 or less", "$300" are at or below it. A
///   bound that does not settle the question ("over $250" against $1,200) decides nothing.
///   Amounts next to bail, bond or fine words are not the offense's.
/// - Offense numbers (`level_by_offense_number`): "3rd offense", "third offense", "OUI-3",
///   "OUI liquor 4th", "subsequent offense" (= second), "2nd OUI".
/// - Stated levels (`level_words`): "felony larceny", "OUI (misdemeanor)".
/// With no such fact the table's level stands (`unknown` for larceny without an amount).
struct LevelReader {
    let rules: OffenseRules
    let text: MessageText

    struct Reading {
        var level: OffenseLevel
        /// The text stated the fact the level rests on.
        var decided: Bool
    }

    /// - Parameters:
    ///   - previous: where the offense named before this one ends, if any; the window starts after it.
    ///   - next: where the offense named after this one starts, if any; the window ends before it.
    func level(of mention: OffenseMention, previousMentionEnd previous: Int?, nextMentionAt next: Int?) -> Reading {
        let rule = rules.categories[mention.category]
        let fallback = Reading(level: rule.contract.level, decided: false)
        guard rule.levelByAmount != nil || rule.levelByOffenseNumber != nil,
            let sentence = text.sentence(at: mention.range.location)
        else { return fallback }
        let sentenceEnd = sentence.location + sentence.length
        var start = max(sentence.location, mention.range.location - 30)
        if let previous, previous <= mention.range.location { start = max(start, previous) }
        var end = min(sentenceEnd, mention.range.location + mention.range.length + 60)
        if let next, next > mention.range.location { end = min(end, next) }
        let window = NSRange(location: start, length: max(0, end - start))
        if let level = statedLevel(mention.range, window: window) { return Reading(level: level, decided: true) }
        if let amount = rule.levelByAmount, let level = amountLevel(amount, mention: mention.range, window: window) {
            return Reading(level: level, decided: true)
        }
        if let numbered = rule.levelByOffenseNumber, let n = offenseNumber(mention: mention.range, window: window) {
            return Reading(level: n >= numbered.from ? numbered.level : rule.contract.level, decided: true)
        }
        return fallback
    }

    // MARK: - Stated levels

    /// "felony larceny", "larceny (misdemeanor)": a level word at most two words before the
    /// mention or three after it.
    private func statedLevel(_ mention: NSRange, window: NSRange) -> OffenseLevel? {
        let scan = text.scan
        let end = mention.location + mention.length
        for level in [OffenseLevel.felony, .misdemeanor] {
            for p in rules.levelWords[level] ?? [] {
                for r in p.matches(in: scan, range: window) {
                    let gap: NSRange
                    let limit: Int
                    if r.location + r.length <= mention.location {
                        gap = NSRange(location: r.location + r.length, length: mention.location - r.location - r.length)
                        limit = 2
                    } else if r.location >= end {
                        gap = NSRange(location: end, length: r.location - end)
                        limit = 3
                    } else {
                        continue
                    }
                    let between = scan.substring(with: gap)
                    if r.location < mention.location, !isAdjacentBefore(r, mention) { continue }
                    if between.split(whereSeparator: { $0.isWhitespace }).count <= limit, !between.contains(";") {
                        return level
                    }
                }
            }
        }
        return nil
    }

    // MARK: - Amounts

    private enum Bound { case above, atOrBelow, plain }

    private func amountLevel(_ rule: AmountRule, mention: NSRange, window: NSRange) -> OffenseLevel? {
        let scan = text.scan
        var found: [(range: NSRange, amountRange: NSRange, bound: Bound)] = []
        for (bound, patterns) in [
            (Bound.above, rules.amounts.above), (.atOrBelow, rules.amounts.atOrBelow), (.plain, rules.amounts.plain),
        ] {
            for p in patterns {
                for m in p.regex.matches(in: scan, range: window) {
                    let a = m.range(withName: "amount")
                    guard a.location != NSNotFound else { continue }
                    // A bounded reading of the same amount wins over the plain one.
                    if found.contains(where: { NSIntersectionRange($0.amountRange, a).length > 0 }) { continue }
                    found.append((m.range, a, bound))
                }
            }
        }
        let end = mention.location + mention.length
        let ordered = found.sorted { distance($0.range, end, mention) < distance($1.range, end, mention) }
        for candidate in ordered where !isIgnored(candidate.range) {
            if candidate.range.location + candidate.range.length <= mention.location,
                !isAdjacentBefore(candidate.range, mention)
            {
                continue
            }
            guard let value = Double(scan.substring(with: candidate.amountRange).filter { $0.isNumber || $0 == "." })
            else { continue }
            switch candidate.bound {
            case .above where value >= rule.threshold: return rule.above
            case .atOrBelow where value <= rule.threshold: return rule.atOrBelow
            case .plain: return value > rule.threshold ? rule.above : rule.atOrBelow
            default: continue
            }
        }
        return nil
    }

    /// A fact printed before the mention is its own only when nothing joins it to something
    /// else: "$2,500 larceny", "felony larceny", but not "MDP under $1200 and larceny".
    private func isAdjacentBefore(_ fact: NSRange, _ mention: NSRange) -> Bool {
        let end = fact.location + fact.length
        let gap = text.scan.substring(with: NSRange(location: end, length: max(0, mention.location - end)))
        let words = gap.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if gap.contains(where: { ",;&".contains($0) }) { return false }
        return words.count <= 2 && !words.contains { ["and", "or", "plus"].contains($0.lowercased()) }
    }

    private func distance(_ r: NSRange, _ mentionEnd: Int, _ mention: NSRange) -> Int {
        if NSIntersectionRange(r, mention).length > 0 { return 0 }
        return r.location >= mentionEnd ? r.location - mentionEnd : mention.location - (r.location + r.length) + 1
    }

    /// Whether an `ignore_context` match covers the amount ("$5,000 bail", "bail of $500").
    private func isIgnored(_ amount: NSRange) -> Bool {
        let scan = text.scan
        let start = max(0, amount.location - 40)
        let end = min(scan.length, amount.location + amount.length + 40)
        let around = NSRange(location: start, length: end - start)
        return rules.amounts.ignoreContext.contains { p in
            p.matches(in: scan, range: around).contains { NSIntersectionRange($0, amount).length > 0 }
        }
    }

    // MARK: - Offense numbers

    private static let ordinalWords = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10,
    ]

    private static let after = try? TextPattern(
        pattern:
            #"(?<gap>(?:\W*[a-z0-9/&%.]+){0,3}?)\W*(?:(?<n>\d{1,2})\s?(?:st|nd|rd|th)|(?<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|(?<sub>subsequent|subsq|subseq))\b(?!\s+(?:of|day|floor|district|street|st|ave)\b)(?<off>\W{0,3}(?:offen[sc]es?|off\b|conviction|violation))?"#,
        options: [.caseInsensitive])
    private static let dash = try? TextPattern(pattern: #"\s?-\s?(?<n>\d)\b(?!\s*[/\d])"#)
    private static let before = try? TextPattern(
        pattern:
            #"(?:(?<n>\d{1,2})\s?(?:st|nd|rd|th)|(?<w>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|(?<sub>subsequent))(?:\s+offen[sc]e)?\s+$"#,
        options: [.caseInsensitive])

    private func offenseNumber(mention: NSRange, window: NSRange) -> Int? {
        let scan = text.scan
        let end = mention.location + mention.length
        let windowEnd = window.location + window.length
        let rest = NSRange(location: end, length: max(0, windowEnd - end))
        if let m = LevelReader.dash?.firstMatch(in: scan, options: [.anchored], range: rest),
            let n = number(m, scan)
        {
            return n
        }
        if let m = LevelReader.after?.firstMatch(in: scan, options: [.anchored], range: rest) {
            let gap = m.range(withName: "gap")
            let gapWords =
                gap.location == NSNotFound ? 0 : scan.substring(with: gap).split(whereSeparator: { !$0.isLetter }).count
            let named = m.range(withName: "off").location != NSNotFound
            if named || gapWords <= 1 || m.range(withName: "sub").location != NSNotFound, let n = number(m, scan) {
                return n
            }
        }
        let lead = NSRange(location: window.location, length: max(0, mention.location - window.location))
        if let m = LevelReader.before?.firstMatch(in: scan, range: lead), let n = number(m, scan) { return n }
        return nil
    }

    private func number(_ m: PatternMatch, _ scan: PatternText) -> Int? {
        let n = m.range(withName: "n")
        if n.location != NSNotFound { return Int(scan.substring(with: n)) }
        let w = m.range(withName: "w")
        if w.location != NSNotFound { return LevelReader.ordinalWords[scan.substring(with: w).lowercased()] }
        if m.range(withName: "sub").location != NSNotFound { return 2 }
        return nil
    }
}
