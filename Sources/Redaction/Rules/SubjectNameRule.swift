import Foundation

/// Names in subject lines, which in this mail usually name the person the thread is about.
///
/// Catches: `RE: FFRENCH, KEMAR`, `FW: Alvarez, Jose - detainer`, `Jose Alvarez I-247A`, in
/// the subject header, quoted `Subject:` lines and subjects of quoted messages. `LAST, First`
/// is taken at the rule's confidence, `First Last` (no ordinary English words) at 80 % of it.
///
/// Leaves alone: officials (decided with the registry: `Meeting with Sgt. Kelly`), and
/// subjects made of ordinary words (`Custody check`, `Weekly arrest list`).
///
/// Example: `Subject: RE: BOUZID, YASMIN` → `Subject: RE: [PERSON-44D0]`.
enum SubjectNameRule {
    static func valueSpans(_ ctx: ScanContext) -> [TextSpan] {
        if ctx.field == .subject { return [TextSpan(0, ctx.ns.length)] }
        return ctx.subjectLines.sorted().map { ctx.valueSpan(ofLine: $0) }
    }

    static func findings(_ rule: NameRule, _ ctx: ScanContext) -> [Finding] {
        var out: [Finding] = []
        for span in valueSpans(ctx) {
            guard var i = ctx.token(atOrAfter: span.start) else { continue }
            while i < ctx.tokens.count, ctx.tokens[i].span.end <= span.end {
                var lastFirstRule = rule
                lastFirstRule.context = .strong
                if let m = LastFirstNameRule.lastFirst(at: i, ctx, lastFirstRule), m.span.end <= span.end {
                    out.append(rule.finding(m))
                    i = m.last + 1
                } else if let m = ctx.parser.firstLast(at: i, .weak, maxWords: 4), m.span.end <= span.end {
                    out.append(rule.finding(m, confidence: rule.confidence * 0.8))
                    i = m.last + 1
                } else {
                    i += 1
                }
            }
        }
        return out
    }
}
