import FoiaCore
import Foundation

/// The classification stage: detainer, offenses and severity of one communication.
///
/// Pure, deterministic and `Sendable`: it reads only the communication and the rules given
/// at init, so one classifier can serve every worker at once. It reads the body (quoted
/// messages and attached pages included) and the header's attachment names. The subject is
/// a topic, not a statement: it is read only to name what a message with attachments sends.
///
/// Evidence snippets are cut from the body it is given, so classify the redacted
/// communication (or redact the snippets) before anything reaches `public/`.
public struct Classifier: Sendable {
    let rules: ClassificationRules

    public init(rules: ClassificationRules) {
        self.rules = rules
    }

    public func classify(_ c: Communication) -> Classification {
        let text = MessageText(c)
        let detainer = DetainerDetector(rules: rules.detainers).detect(text)
        let offenses = offenses(in: text)
        return Classification(detainer: detainer, offenses: offenses, severity: Severity.of(offenses))
    }

    /// One finding per category, in the table's order.
    ///
    /// When a category is mentioned several times, the status comes from the mention whose
    /// cue stood in its own sentence, and among those the most advanced one (convicted,
    /// dismissed, charged, arrested, suspected); the level from a mention where the text
    /// decided it (an amount, an offense number), the most serious if they disagree.
    private func offenses(in text: MessageText) -> [OffenseFinding] {
        let matcher = OffenseMatcher(rules: rules.offenses)
        let candidates = matcher.candidates(in: text, lexicon: rules.abbreviations)
        let mentions = matcher.attributed(candidates, in: text)
        let statusReader = StatusReader(rules: rules.offenses, text: text, offenses: candidates)
        let levelReader = LevelReader(rules: rules.offenses, text: text)

        struct Best {
            var mention: OffenseMention
            var status: StatusReader.Reading
            var level: LevelReader.Reading
        }
        var best: [Int: Best] = [:]
        for (i, m) in mentions.enumerated() {
            let next = mentions[(i + 1)...].first { $0.category != m.category && $0.range.location > m.range.location }
            let previous = mentions[..<i].last { $0.category != m.category }
            let level = levelReader.level(
                of: m, previousMentionEnd: previous.map { $0.range.location + $0.range.length },
                nextMentionAt: next?.range.location)
            let status = statusReader.status(of: m.range)
            guard var current = best[m.category] else {
                best[m.category] = Best(mention: m, status: status, level: level)
                continue
            }
            if rank(status) > rank(current.status) {
                current.mention = m
                current.status = status
            }
            if level.decided, !current.level.decided || level.level < current.level.level {
                current.level = level
            }
            best[m.category] = current
        }
        return rules.offenses.categories.indices.compactMap { i in
            guard let b = best[i] else { return nil }
            let rule = rules.offenses.categories[i]
            return OffenseFinding(
                category: rule.contract.name, level: b.level.level.rawValue, statute: rule.statute,
                violent: rule.contract.violent, status: (rule.fixedStatus ?? b.status.status).rawValue,
                page: text.page(at: b.mention.range.location), evidence: text.evidence(for: b.mention.range))
        }
    }

    private func rank(_ r: StatusReader.Reading) -> (Int, Int) {
        (r.inSentence ? 1 : 0, r.status.advancement)
    }
}

/// The contract's `severity`: the most serious level among the offenses.
enum Severity {
    static func of(_ offenses: [OffenseFinding]) -> String {
        let levels = offenses.compactMap { OffenseLevel(rawValue: $0.level) }
        guard let worst = levels.min() else { return "none" }
        return worst.rawValue
    }
}
