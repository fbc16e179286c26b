import Foundation
import TextPatterns

/// Reads the status of an offense mention from the status cues around it.
///
/// Cues are the `status_cues` of `offenses.yaml`. A cue inside an offense name ("resisting
/// **arrest**") or denied ("has **not been charged**") is no cue; where cues overlap the
/// longer wins ("**not guilty**" is dismissed, not "guilty"). A cue that introduces an object
/// ("convicted **of**", "arrested **for**", "investigating him **for**") reaches only
/// forward, to what it introduces.
///
/// In the mention's sentence, in this order:
/// 1. a cue right after the mention (at most three words, no comma): "OUI – arrested 3/4",
///    "OUI (dismissed)", "the A&B charge was dismissed";
/// 2. the nearest cue before it: "was arrested last night for OUI";
/// 3. the nearest cue after it.
/// If the sentence has none, the nearest sentence of the message with a cue decides, the
/// following one on a tie: court-record printouts put the disposition ("GUILTY FILED") on
/// the line after the charge. No cue anywhere gives `unknown`.
struct StatusReader {
    struct Cue {
        var range: NSRange
        var status: OffenseStatus
        var forwardOnly: Bool
    }

    struct Reading {
        var status: OffenseStatus
        /// The cue stood in the mention's own sentence.
        var inSentence: Bool
    }

    let text: MessageText
    let cues: [Cue]

    init(rules: OffenseRules, text: MessageText, offenses: [OffenseMention]) {
        self.text = text
        let scan = text.scan
        var found: [Cue] = []
        // In a fixed order, so that equal cues of two statuses resolve the same way every run.
        for status in OffenseStatus.allCases {
            for r in allMatches(rules.statusCues[status] ?? [], in: scan) {
                found.append(Cue(range: r, status: status, forwardOnly: StatusReader.leadsForward(r, scan)))
            }
        }
        let negation = allMatches(rules.negationCues, in: scan)
        let scope = NegationScope(text: scan)
        found = found.filter { cue in
            let longer = found.contains { other in
                other.range.length > cue.range.length && NSIntersectionRange(other.range, cue.range) == cue.range
            }
            let inOffense = offenses.contains { NSIntersectionRange($0.range, cue.range).length > 0 }
            let lineStart = text.lines[text.lineIndex(at: cue.range.location)].lowerBound
            let around = NSRange(location: lineStart, length: cue.range.location - lineStart)
            let denied = scope.precedes(negation, cue.range, in: around, maxWords: 2, acrossCommas: false)
            return !longer && !inOffense && !denied
        }
        cues = found.enumerated().sorted {
            ($0.element.range.location, $0.offset) < ($1.element.range.location, $1.offset)
        }
        .map(\.element)
    }

    func status(of mention: NSRange) -> Reading {
        guard let index = text.sentenceIndex(at: mention.location) else {
            return Reading(status: .unknown, inSentence: false)
        }
        if let cue = inSentence(mention, text.sentences[index]) { return Reading(status: cue.status, inSentence: true) }
        var distance = 1
        while distance < text.sentences.count {
            let after = index + distance
            let before = index - distance
            if after < text.sentences.count,
                let cue = cues(in: text.sentences[after]).first(where: { !$0.forwardOnly })
            {
                return Reading(status: cue.status, inSentence: false)
            }
            if before >= 0, let cue = cues(in: text.sentences[before]).last {
                return Reading(status: cue.status, inSentence: false)
            }
            if after >= text.sentences.count, before < 0 { break }
            distance += 1
        }
        return Reading(status: .unknown, inSentence: false)
    }

    private func inSentence(_ mention: NSRange, _ sentence: NSRange) -> Cue? {
        let here = cues(in: sentence)
        let end = mention.location + mention.length
        let after = here.filter { $0.range.location >= end }
        let before = here.filter { $0.range.location + $0.range.length <= mention.location }
        if let next = after.first(where: { !$0.forwardOnly }) {
            let gap = text.scan.substring(with: NSRange(location: end, length: next.range.location - end))
            if gap.split(whereSeparator: { $0.isWhitespace }).count <= 3, !gap.contains(where: { ",;".contains($0) }) {
                return next
            }
        }
        if let last = before.last { return last }
        return after.first { !$0.forwardOnly }
    }

    private func cues(in sentence: NSRange) -> [Cue] {
        cues.filter {
            $0.range.location >= sentence.location && $0.range.location < sentence.location + sentence.length
        }
    }

    private static let prepositions: Set<String> = ["of", "for", "with", "on", "in", "to", "against", "into"]

    /// Whether a cue introduces what follows it: it ends with a preposition ("convicted of"),
    /// or one comes within its next three words ("investigating him for", "charged Lopez with").
    private static func leadsForward(_ cue: NSRange, _ text: PatternText) -> Bool {
        let own = text.substring(with: cue).split(whereSeparator: { !$0.isLetter })
        if let last = own.last, prepositions.contains(last.lowercased()) { return true }
        let end = cue.location + cue.length
        let rest = text.substring(with: NSRange(location: end, length: min(40, text.length - end)))
        let next = rest.prefix { !".;\n".contains($0) }.split(whereSeparator: { !$0.isLetter }).prefix(3)
        return next.contains { ["for", "of", "with"].contains($0.lowercased()) }
    }
}
