import Foundation
import TextPatterns

/// Decides whether a cue word governs a mention: the scope rules for negation, hypothesis
/// and policy cues.
///
/// A cue governs a mention when it stands in the same clause (or sentence, for the wide
/// cues) and close enough: "ERO will **not** be lodging a detainer" is denied, while in "he
/// was **not** charged, but ICE lodged a detainer" the comma and `but` end the cue's reach,
/// and in "suspected of OUI but has **not** been charged" the cue comes after the offense.
/// Cues that overlap the mention itself (the `without` of "operating without a license")
/// are part of the mention and govern nothing.
struct NegationScope {
    let text: PatternText

    /// Whether a cue ends before the mention within `scope`, at most `maxWords` words
    /// before it, and, unless `acrossCommas`, with no comma between them.
    func precedes(
        _ cues: [NSRange], _ mention: NSRange, in scope: NSRange, maxWords: Int? = nil, acrossCommas: Bool = true
    ) -> Bool {
        cues.contains { cue in
            guard cue.location >= scope.location, cue.location + cue.length <= mention.location else { return false }
            let gap = NSRange(location: cue.location + cue.length, length: mention.location - cue.location - cue.length)
            return isReachable(gap, maxWords: maxWords, acrossCommas: acrossCommas)
        }
    }

    /// Whether a cue starts after the mention within `scope`, at most `maxWords` words after
    /// it, with no comma, semicolon or dash between (a dash or semicolon starts another statement).
    func follows(_ cues: [NSRange], _ mention: NSRange, in scope: NSRange, maxWords: Int) -> Bool {
        let end = mention.location + mention.length
        return cues.contains { cue in
            guard cue.location >= end, cue.location + cue.length <= scope.location + scope.length else { return false }
            let gap = text.substring(with: NSRange(location: end, length: cue.location - end))
            if gap.contains(where: { ",;–—".contains($0) }) || gap.contains(" - ") { return false }
            return gap.split(whereSeparator: { $0.isWhitespace }).count <= maxWords
        }
    }

    /// Whether any cue lies inside `scope`, not counting cues that touch `mention` when given
    /// (the "placed" of the term "placed a hold" is no positive cue for it).
    func anywhere(_ cues: [NSRange], in scope: NSRange, except mention: NSRange? = nil) -> Bool {
        cues.contains { cue in
            cue.location >= scope.location && cue.location + cue.length <= scope.location + scope.length
                && (mention.map { NSIntersectionRange(cue, $0).length == 0 } ?? true)
        }
    }

    private func isReachable(_ gap: NSRange, maxWords: Int?, acrossCommas: Bool) -> Bool {
        let between = text.substring(with: gap)
        if !acrossCommas, between.contains(",") { return false }
        guard let maxWords else { return true }
        return between.split(whereSeparator: { $0.isWhitespace }).count <= maxWords
    }
}

/// The clause of a sentence that holds a position.
func clause(at offset: Int, of sentence: NSRange, in text: PatternText) -> NSRange {
    SentenceSplitter.clauses(of: sentence, in: text).first {
        offset >= $0.location && offset < $0.location + $0.length
    } ?? sentence
}
