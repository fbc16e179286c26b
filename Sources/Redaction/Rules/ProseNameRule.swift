import Foundation

/// Unlabelled names in running text, redacted at low confidence for review.
///
/// Catches: two or three capitalised words in a row that are not ordinary English words,
/// agencies, places or form labels (`Do you have anything on Faduma Abdirahman Ugas?`): in
/// this mail a name nobody labelled is still most often the person a message is about. A
/// surname in capitals after given names (`I-247A for Jose ALVAREZ-REYES`) is the police
/// convention for that person and is taken at 0.7.
///
/// A name wholly in capitals (`THE PERSON OF JAMES THOMAS ANDREW MCCARTY`) is taken at 0.6
/// when none of its words is an ordinary word or a label.
///
/// Leaves alone: officials (known from signatures, agency e-mail, ranks and the allowlist,
/// decided with the registry), header and signature lines, all-capital headings, places
/// listed in the lexicon (`El Salvador`, `Hyde Park`) and runs of ordinary words that are
/// also names (`Little Rock`).
///
/// Example: `Can you check on Maria Pereira today?` → `Can you check on [PERSON-61B0] today?`.
enum ProseNameRule {
    static func findings(_ rule: NameRule, _ ctx: ScanContext) -> [Finding] {
        guard ctx.field == .body else { return [] }
        var out: [Finding] = []
        var i = 0
        let lexicon = ctx.rules.lexicon
        while i < ctx.tokens.count {
            let line = ctx.tokenLine[i]
            let upper = ctx.tokens[i].isAllUpper && ctx.tokens[i].text.count >= 2
            if ctx.isHeaderLine(line) || ctx.signatureLines.contains(line) || !(ctx.tokens[i].isTitleCase || upper) {
                i += 1
                continue
            }
            guard let m = ctx.parser.firstLast(at: i, .weak, maxWords: upper ? 4 : 3) else {
                i += 1
                continue
            }
            let words = (m.first...m.last).map { ctx.tokens[$0].folded }
            // Given names in title case; the surname may be in capitals (`Jose ALVAREZ-REYES`),
            // which police write for the person a message is about.
            let allTitle = (m.first..<m.last).allSatisfy {
                ctx.tokens[$0].isTitleCase || ctx.tokens[$0].isInitial || ctx.rules.lexicon.isParticle(ctx.tokens[$0].text)
            } && (ctx.tokens[m.last].isTitleCase || ctx.tokens[m.last].isAllUpper)
            let isPlace = (0..<words.count).contains { lexicon.neverNamePhrase(words, at: $0) != nil }
            // `Little Rock`, `Rose Hill`: every word an ordinary word, even if also a name.
            let allWords = words.allSatisfy { lexicon.isDictionaryWord(folded: $0) }
            // A name wholly in capitals (`THE PERSON OF JAMES THOMAS ANDREW MCCARTY`, as warrants
            // and court captions print the person), when no word is an ordinary word.
            let allUpper = (m.first...m.last).allSatisfy {
                ctx.tokens[$0].isAllUpper || ctx.tokens[$0].isInitial || lexicon.isParticle(ctx.tokens[$0].text)
            }
            let noOrdinary = !words.contains { lexicon.isCommon(folded: $0) || lexicon.isNeverName(folded: $0) }
            if upper, allUpper, noOrdinary, !isPlace, !allWords {
                out.append(rule.finding(m, confidence: max(rule.confidence, 0.6)))
            } else if allTitle && !isPlace && !allWords {
                let capitalSurname = ctx.tokens[m.last].isAllUpper && ctx.tokens[m.last].text.count > 2
                out.append(rule.finding(m, confidence: capitalSurname ? max(rule.confidence, 0.7) : rule.confidence))
            }
            i = m.last + 1
        }
        return out
    }
}
