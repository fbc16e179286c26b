import Foundation

/// Names after a courtesy title, which police and ICE mail uses for the people it is about.
///
/// Catches: `Mr. Alvarez`, `Ms. Jean-Baptiste`, `Mrs. Maria Pereira`, `Mr. ALVAREZ`. One
/// capitalised word is enough after the title; it may be an ordinary word (`Mr. Young`), and a
/// salutation's colon may follow it (`Dear Ms. Mire:`).
///
/// Leaves alone: ranks (`Det. Kelly`, `Officer Smith`: officials, see OfficialNames) and
/// pronouns after an OCR-garbled redaction (`Mr. He (6)`).
///
/// Example: `Mr. Desir is suspected of robbery` → `Mr. [PERSON-0B1E] is suspected of robbery`.
enum HonorificNameRule {
    static func findings(_ rule: NameRule, _ ctx: ScanContext) -> [Finding] {
        guard let label = rule.label else { return [] }
        var out: [Finding] = []
        for m in ctx.matches(label) {
            let labelEnd = m.range.location + m.range.length
            guard let t = ctx.token(atOrAfter: labelEnd), ctx.tokens[t].span.start - labelEnd <= 3,
                !ctx.tokens[t].gapHasNewline || ctx.tokens[t].span.start == labelEnd
            else { continue }
            let gap = ctx.ns.substring(with: NSRange(location: labelEnd, length: ctx.tokens[t].span.start - labelEnd))
            guard gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "\t" }) else { continue }
            if let full = ctx.parser.name(at: t, .afterTitle) {
                out.append(rule.finding(full))
            } else if ctx.parser.isNameWord(t, .afterTitle) {
                let token = ctx.tokens[t]
                let name = PersonName(given: [], surname: [token.folded])
                let stemEnd = token.span.start + (token.stem as NSString).length
                out.append(
                    Finding(
                        span: TextSpan(token.span.start, stemEnd), type: .personName, ruleID: rule.id,
                        confidence: rule.confidence, name: name, identity: nil))
            }
        }
        return out
    }
}
