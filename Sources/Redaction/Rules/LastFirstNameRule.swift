import Foundation

/// Names in `LAST, First` order outside header lines.
///
/// Catches, with `case: upper`: a surname in capitals, comma, given names
/// (`FFRENCH, KEMAR`, `BOUZID, Yasmin Walid`, `AGUILAR ESCOBAR, CARLOS`), the way police and
/// ICE write the person a message is about, in arrest lists, subjects and prose. With `near:`,
/// any case (`Alvarez, Jose`) when an identifier of the listed types (a date of birth, an
/// A-number …) is found within `within` characters: the shape of a record line.
///
/// Leaves alone: `From:`/`To:`/`Cc:` lines (officials are listed `Kelly, Sean` there; see
/// PartyNameRule), place pairs (`BOSTON, MA`: never-a-name words in the lexicon), and
/// capitalised ordinary words as surnames (`HOMELAND SECURITY, IMMIGRATION`).
///
/// Example: `3. TRAN, HUONG (12-12-99, Vietnam)` → `3. [PERSON-5A10] ([DOB], Vietnam)`.
enum LastFirstNameRule {
    static func findings(_ rule: NameRule, _ ctx: ScanContext, identifiers: [Finding]) -> [Finding] {
        let anchors = identifiers.filter { rule.near.contains($0.type) }
        if !rule.near.isEmpty && anchors.isEmpty { return [] }
        var candidates: [NameMatch] = []
        var i = 0
        while i < ctx.tokens.count {
            if ctx.field == .body, ctx.partyLines.contains(ctx.tokenLine[i]) {
                i += 1
                continue
            }
            guard let m = lastFirst(at: i, ctx, rule) else {
                i += 1
                continue
            }
            candidates.append(m)
            i = m.last + 1
        }
        guard !rule.near.isEmpty else { return candidates.map { rule.finding($0) } }
        // A name after an identifier on the identifier's own line is no record's subject when
        // another name before it on that line already is (`BAUER, JACOB 062780 M Horner,Heidi`:
        // the dispatcher after the date is not the person born then).
        func isClaimed(_ a: Finding, before c: Int) -> Bool {
            let line = ctx.lineOf(offset: a.span.start)
            guard ctx.tokenLine[candidates[c].first] == line else { return false }
            return candidates.indices.contains {
                $0 != c && candidates[$0].span.end <= a.span.start && ctx.tokenLine[candidates[$0].last] == line
            }
        }
        return candidates.indices.filter { c in
            let m = candidates[c]
            return anchors.contains { a in
                if a.span.start >= m.span.end { return a.span.start - m.span.end <= rule.within }
                return a.span.end <= m.span.start && m.span.start - a.span.end <= rule.within && !isClaimed(a, before: c)
            }
        }.map { rule.finding(candidates[$0]) }
    }

    /// An ordinary word is taken for a surname only alone and before given names that are not
    /// ordinary words (`YOUNG, JAMES` yes; `HOMELAND SECURITY, IMMIGRATION` no).
    static func lastFirst(at i: Int, _ ctx: ScanContext, _ rule: NameRule) -> NameMatch? {
        guard let m = ctx.parser.lastFirst(at: i, rule.context, upperSurname: rule.upperSurname) else { return nil }
        let lexicon = ctx.rules.lexicon
        let words = Array(m.first...m.last)
        guard let comma = words.firstIndex(where: { $0 != m.first && ctx.parser.isCommaGap($0, lineBreak: true) }) else { return m }
        let surname = words[..<comma].filter { !lexicon.isParticle(ctx.tokens[$0].text) }
        let given = words[comma...].filter { !ctx.tokens[$0].isInitial }
        // `WASHINGTON, WASHINGTON`: a town and state, not a person named twice.
        if surname.count == 1, given.count == 1, ctx.tokens[surname[0]].folded == ctx.tokens[given[0]].folded { return nil }
        // `YY, Construction Company`: given names that are only ordinary words; but one such
        // given name after a surname of real name words is a person (`TAVERAS-POLANCO, WANDER`).
        let distinctiveSurname = !surname.isEmpty && surname.allSatisfy {
            ctx.tokens[$0].text.count >= 4 && !lexicon.isDictionaryWord(folded: ctx.tokens[$0].folded)
                && !lexicon.isNeverName(folded: ctx.tokens[$0].folded)
        }
        if !given.isEmpty, given.allSatisfy({ lexicon.isCommon(folded: ctx.tokens[$0].folded) }),
            !(given.count == 1 && distinctiveSurname)
        {
            return nil
        }
        let commonSurname = surname.filter { lexicon.isCommon(ctx.tokens[$0].text) }
        if commonSurname.isEmpty { return m }
        if surname.count > 1 { return nil }
        if given.contains(where: { lexicon.isCommon(ctx.tokens[$0].text) }) { return nil }
        // After an ordinary word, a two-letter "given name" is shorthand, not a name
        // (`ALONE, RP` and `PHONE, OP` in a dispatch log).
        if given.contains(where: { ctx.tokens[$0].text.count < 3 }) { return nil }
        // With nothing but the comma to go on, an ordinary word's given name must be one the
        // dictionary knows as a name (`YOUNG, JAMES`; not `PHONE, MISDIALED`). Beside a DOB or an
        // identifier (`near`) any given name will do.
        if rule.near.isEmpty, !given.contains(where: { lexicon.isProperName(folded: ctx.tokens[$0].folded) }) { return nil }
        return m
    }
}
