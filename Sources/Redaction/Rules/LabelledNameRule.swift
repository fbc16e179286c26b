import Foundation

/// Names printed in a field that holds a person's name.
///
/// Catches: `Name: ROSARIO, JUNIOR`, `NAME: EXANTUS, FRANTZ DOB: …` (a record printout),
/// `Defendant: Jose Alvarez`, `a/k/a Jose Luis Alvarez`, and a form's label row over its value
/// row with `next_line: true` (`Name of Alien: Date of Birth:` then `BAILEY-GRANT, Kemar`).
/// With `context: strong` ordinary words count as names (`ROSARIO, JUNIOR`); `weak` is for
/// labels also used in prose (`the defendant Jose Alvarez`); with `single_word: true` a lone
/// name that is not an ordinary word counts too (`my husband Carlos`).
///
/// Leaves alone: an e-mail's own `Subject:` header (see SubjectNameRule) and a label followed
/// by anything that is not a name shape (`Name: (b)(6)`).
///
/// Example: `Name: ROSARIO, JUNIOR` → `Name: [PERSON-1C2D]`.
enum LabelledNameRule {
    static let separators = CharacterSet(charactersIn: " \t:#-–—.=")

    static func findings(_ rule: NameRule, _ ctx: ScanContext) -> [Finding] {
        guard let label = rule.label else { return [] }
        var out: [Finding] = []
        for m in ctx.matches(label) {
            let labelEnd = m.range.location + m.range.length
            let line = ctx.lineOf(offset: m.range.location)
            if ctx.partyLines.contains(line) { continue }
            var match: NameMatch?
            if !rule.nextLineOnly, let t = ctx.token(atOrAfter: labelEnd), ctx.tokenLine[t] == line {
                let gap = ctx.ns.substring(with: NSRange(location: labelEnd, length: ctx.tokens[t].span.start - labelEnd))
                if gap.unicodeScalars.allSatisfy({ separators.contains($0) }), gap.count <= 6 {
                    match = ctx.parser.name(at: t, rule.context, forms: rule.forms)
                }
            }
            if match == nil, rule.nextLine, line + 1 < ctx.lines.lines.count,
                let t = ctx.token(atOrAfter: ctx.lines.lines[line + 1].contentStart), ctx.tokenLine[t] == line + 1,
                ctx.tokens[t].span.start - ctx.lines.lines[line + 1].contentStart <= 2
            {
                match = ctx.parser.name(at: t, rule.context, forms: rule.forms)
            }
            if let match {
                out.append(rule.finding(match))
            } else if rule.singleWord, let t = ctx.token(atOrAfter: labelEnd), ctx.tokens[t].span.start - labelEnd <= 1,
                // The label may wrap (`a family friend in` / `Florida, Pablo`): the name is on
                // the line the label ends on.
                ctx.tokenLine[t] == ctx.lineOf(offset: max(m.range.location, labelEnd - 1)),
                ctx.parser.isNameWord(t, .weak), !ctx.tokens[t].isInitial,
                !ctx.rules.lexicon.isDictionaryWord(folded: ctx.tokens[t].folded)
            {
                // `my husband Carlos`: a lone name after the label.
                let token = ctx.tokens[t]
                out.append(
                    Finding(
                        span: TextSpan(token.span.start, token.span.start + (token.stem as NSString).length),
                        type: .personName, ruleID: rule.id, confidence: rule.confidence * 0.8,
                        name: PersonName(given: [], surname: [token.folded]), identity: nil))
            }
        }
        return out
    }
}
