import Foundation

/// Unlabelled names in running text, redacted at low confidence for review.
///
/// Catches: two or three capitalised words in a row that are not ordinary English words,
/// agencies, places or form labels (`Do you have anything on Faduma Abdirahman Ugas?`): in
/// this mail a name nobody labelled is still most often the person a message is about.
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
            if ctx.isHeaderLine(line) || ctx.signatureLines.contains(line) || !ctx.tokens[i].isTitleCase {
                i += 1
                continue
            }
            guard let m = ctx.parser.firstLast(at: i, .weak, maxWords: 3) else {
                i += 1
                continue
            }
            let words = (m.first...m.last).map { ctx.tokens[$0].folded }
            let allTitle = (m.first...m.last).allSatisfy { ctx.tokens[$0].isTitleCase || ctx.tokens[$0].isInitial }
            let isPlace = (0..<words.count).contains { lexicon.neverNamePhrase(words, at: $0) != nil }
            // `Little Rock`, `Rose Hill`: every word an ordinary word, even if also a name.
            let allWords = words.allSatisfy { lexicon.isDictionaryWord(folded: $0) }
            if allTitle && !isPlace && !allWords { out.append(rule.finding(m)) }
            i = m.last + 1
        }
        return out
    }
}
