/// How sure the context makes us that a name follows, which decides how name-like words must be.
enum NameContext: Sendable {
    /// After `Name:`, `Mr.`, before `, DOB`: ordinary words may be names (`ROSARIO, JUNIOR`).
    case strong
    /// In prose or a subject line: a word of the dictionary is not taken for a name.
    case weak
    /// Right after `Mr.` or `Ms.`: as strong, and a colon after the name ends a salutation
    /// (`Dear Ms. Mire:`); no label follows a courtesy title.
    case afterTitle
}

/// The printed forms of a name the parser reads.
enum NameForm: String, Sendable, CaseIterable, Hashable {
    /// `ALVAREZ, Jose`, `Bailey-Grant, Kemar A.`
    case lastFirst = "last_first"
    /// `Jose Alvarez`, `Jean-Claude Marie-Carmelle Desir`
    case firstLast = "first_last"
}

/// A name found in a run of words.
struct NameMatch: Sendable {
    /// Index of the first and last word token of the name.
    var first: Int
    var last: Int
    var span: TextSpan
    var name: PersonName
    var form: NameForm
    var isAllUpperSurname: Bool
}

/// Reads person-name shapes out of word tokens: `LAST, First [Middle]` and `First [M.] Last`.
///
/// Names are one to three surname words and one to three given names, on one line, made of
/// capitalised words (apostrophes and hyphens inside), initials and particles (`de`, `van`).
/// A word followed by a colon is a label, not a name; words of the lexicon's never-a-name
/// lists stop a name; in a weak context so does any ordinary English word.
struct NameParser: Sendable {
    let tokens: [WordToken]
    let lexicon: Lexicon

    /// Whether a word can be part of a name in this context.
    func isNameWord(_ i: Int, _ context: NameContext) -> Bool {
        let t = tokens[i]
        guard !t.touchesDigit, t.startsUpper, t.text.count >= 2 else { return false }
        if t.next == ":" && context != .afterTitle { return false }
        if t.hasOddCapitals || NameParser.isOCRNoise(t.text) { return false }
        if lexicon.isNeverName(folded: t.folded) { return false }
        if context == .weak && lexicon.isCommon(folded: t.folded) { return false }
        return true
    }

    /// Shapes OCR makes of print and rules that no name has: one letter twice (`Vv` from a
    /// row of check marks) and an apostrophe deep inside a word (`Informat'ion`; names have it
    /// after a one- or two-letter prefix, `O'Brien`, `D'Angelo`, or as a possessive).
    static func isOCRNoise(_ word: String) -> Bool {
        let letters = Array(word.lowercased())
        if letters.count == 2, letters[0] == letters[1] { return true }
        guard let apostrophe = letters.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
        let after = letters[(apostrophe + 1)...]
        return apostrophe >= 3 && !(after.isEmpty || after == ["s"])
    }

    static let capitalPrefixes: Set<String> = [
        "mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "st", "fitz", "ben", "al", "el", "o", "d",
    ]

    /// A capital after a small letter that no name prefix explains (`DoIT`, `iPhone`, `PowerEdge`),
    /// unlike `McCarthy`, `DeLeon`, `MacDonald`.
    static func hasOddCapitals(_ word: String) -> Bool {
        // Every word of every text is asked; for ASCII the bytes give the same answer as the
        // Characters below without Unicode property lookups (3% of a run).
        var word = word
        if let answer = word.withUTF8({ asciiHasOddCapitals($0) }) { return answer }
        for part in word.split(whereSeparator: { $0 == "-" || $0 == "'" || $0 == "’" }) {
            var previousLower = false
            var prefix = ""
            for c in part {
                if c.isUppercase && previousLower && !capitalPrefixes.contains(prefix.lowercased()) { return true }
                previousLower = c.isLowercase
                prefix.append(c)
            }
        }
        return false
    }

    /// `hasOddCapitals` on the bytes of an ASCII word; nil for any other word.
    private static func asciiHasOddCapitals(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var previousLower = false
        var partStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "'") {
                previousLower = false
                partStart = i + 1
                continue
            }
            if b >= 65 && b <= 90 && previousLower {
                let prefix = String(decoding: bytes[partStart..<i].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
                if !capitalPrefixes.contains(prefix) { return true }
            }
            previousLower = b >= 97 && b <= 122
        }
        return false
    }

    func isInitial(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.isInitial && !t.touchesDigit
    }

    /// A gap allowed between two words of one name: spaces, or `. ` after an initial.
    func isNameGap(_ i: Int) -> Bool {
        let gap = tokens[i].gapBefore
        if gap.isEmpty || gap.count > 3 { return false }
        if gap.allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
        if i > 0, tokens[i - 1].isInitial, gap.first == ".", gap.dropFirst().allSatisfy({ $0 == " " }) {
            return !gap.dropFirst().isEmpty
        }
        return false
    }

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// - Parameter lineBreak: the comma may end a line (`ZELAYA,` / `Edwin` in a record row
    ///   that wrapped).
    func isCommaGap(_ i: Int, lineBreak: Bool = false) -> Bool {
        var gap = Substring(tokens[i].gapBefore)
        if lineBreak, gap.hasPrefix(",\n") || gap.hasPrefix(", \n") {
            return gap.drop(while: { $0 != "\n" }).dropFirst().allSatisfy { $0 == " " || $0 == "\t" }
        }
        // `Jr., William`, `C., …`: the dot of a suffix or an initial comes first.
        if gap.first == ".", i > 0, tokens[i - 1].isInitial || NameParser.suffixes.contains(tokens[i - 1].folded) {
            gap = gap.dropFirst()
        }
        guard gap.count <= 4, gap.filter({ $0 == "," }).count == 1 else { return false }
        return gap.allSatisfy { $0 == "," || $0 == " " || $0 == "\t" } && gap.first == ","
    }

    /// `SURNAME, Given` starting at word `i`.
    func lastFirst(at i: Int, _ context: NameContext, upperSurname: Bool = false) -> NameMatch? {
        guard i < tokens.count, isNameWord(i, context) else { return nil }
        var k = i
        var surname = [i]
        while true {
            // Surname ends where a comma follows.
            if k + 1 < tokens.count, isCommaGap(k + 1, lineBreak: true) { break }
            guard surname.count < 3, k + 1 < tokens.count, isNameGap(k + 1) else { return nil }
            let n = k + 1
            // `Kilroy Jr, William A.`: a generational suffix is skipped.
            if NameParser.suffixes.contains(tokens[n].folded) {
                k = n
                continue
            }
            if lexicon.isParticle(tokens[n].text), n + 1 < tokens.count, isNameGap(n + 1) {
                k = n
                continue
            }
            guard isNameWord(n, context) else { return nil }
            surname.append(n)
            k = n
        }
        let surnameUpper = surname.allSatisfy { tokens[$0].isAllUpper }
        let surnameTitle = surname.allSatisfy { tokens[$0].isTitleCase }
        guard surnameUpper || surnameTitle else { return nil }
        if upperSurname && !surnameUpper { return nil }
        // Over a line break only a surname in capitals, as a record row prints it, before a
        // given name that is no ordinary word (`WASHINGTON,` / `Date of Birth` is no name).
        if tokens[k + 1].gapHasNewline, !surnameUpper || lexicon.isDictionaryWord(folded: tokens[k + 1].folded) {
            return nil
        }
        // Given names.
        var g = k + 1
        guard g < tokens.count, isNameWord(g, context) || isInitial(g) else { return nil }
        let givenUpper = tokens[g].isAllUpper && !tokens[g].isInitial
        if surnameTitle && givenUpper { return nil }
        var given = [g]
        while given.count < 3, g + 1 < tokens.count, isNameGap(g + 1) {
            let n = g + 1
            if isInitial(n) {
                given.append(n)
            } else if isNameWord(n, context), tokens[n].isAllUpper == givenUpper {
                given.append(n)
            } else {
                break
            }
            g = n
        }
        // A given-name run ending in a weak ordinary word is more likely prose.
        while given.count > 1, let last = given.last, !isInitial(last), lexicon.isCommon(tokens[last].text),
            context == .weak
        {
            given.removeLast()
        }
        let name = PersonName(
            given: given.filter { !isInitial($0) }.map { tokens[$0].folded },
            surname: surname.map { tokens[$0].folded })
        guard !name.given.isEmpty || given.count > 0 else { return nil }
        let end = tokens[given.last ?? k].span.end + (endsWithInitialDot(given.last ?? k) ? 1 : 0)
        return NameMatch(
            first: i, last: given.last ?? k, span: TextSpan(tokens[i].span.start, end), name: name, form: .lastFirst,
            isAllUpperSurname: surnameUpper)
    }

    private func endsWithInitialDot(_ i: Int) -> Bool {
        tokens[i].isInitial && tokens[i].next == "."
    }

    /// `First [Middle|M.] Last` starting at word `i`, two to four words; the longest such run.
    func firstLast(at i: Int, _ context: NameContext, maxWords: Int = 4) -> NameMatch? {
        guard i < tokens.count, isNameWord(i, context) else { return nil }
        var words = [i]
        var k = i
        // A possessive ends a name (`Renee's Crystal Reports`).
        while words.count < maxWords, k + 1 < tokens.count, isNameGap(k + 1), tokens[k].stem == tokens[k].text {
            let n = k + 1
            if isNameWord(n, context) || isInitial(n) {
                words.append(n)
            } else if lexicon.isParticle(tokens[n].text) {
                // One or two particles before a surname (`Maria de la Cruz`).
                var p = n
                while p + 1 < tokens.count, p - n < 2, lexicon.isParticle(tokens[p].text), isNameGap(p + 1) { p += 1 }
                guard p > n, isNameWord(p, context), !lexicon.isParticle(tokens[p].text) else { break }
                words.append(contentsOf: n...p)
                k = p
                continue
            } else {
                break
            }
            k = n
        }
        // Trim trailing initials and particles.
        while let last = words.last, isInitial(last) || lexicon.isParticle(tokens[last].text) { words.removeLast() }
        let full = words.filter { !isInitial($0) && !lexicon.isParticle(tokens[$0].text) }
        guard full.count >= 2, let lastIndex = words.last else { return nil }
        // All title case, or title-case given names with an upper-case surname.
        let title = full.dropLast().allSatisfy { tokens[$0].isTitleCase }
        let upper = full.allSatisfy { tokens[$0].isAllUpper }
        guard title || upper else { return nil }
        let given = full.dropLast().map { tokens[$0].folded }
        let name = PersonName(given: Array(given), surname: [tokens[lastIndex].folded])
        return NameMatch(
            first: i, last: lastIndex, span: TextSpan(tokens[i].span.start, tokens[lastIndex].span.end), name: name,
            form: .firstLast, isAllUpperSurname: tokens[lastIndex].isAllUpper)
    }

    /// Either form at `i`, `LAST, First` preferred.
    func name(at i: Int, _ context: NameContext, forms: Set<NameForm> = Set(NameForm.allCases)) -> NameMatch? {
        if forms.contains(.lastFirst), let m = lastFirst(at: i, context) { return m }
        if forms.contains(.firstLast), let m = firstLast(at: i, context) { return trimLeadingCommon(m, context) }
        return nil
    }

    /// The longest name ending exactly at word `end` (for `Jose Alvarez, DOB …`).
    func name(endingAt end: Int, _ context: NameContext) -> NameMatch? {
        guard end >= 0, end < tokens.count else { return nil }
        for start in max(0, end - 6)...end {
            // A name does not cross a line.
            if start < end, (start + 1...end).contains(where: { tokens[$0].gapHasNewline }) { continue }
            if let m = lastFirst(at: start, context), m.last == end { return m }
            if let m = firstLast(at: start, context, maxWords: 6), m.last == end {
                return trimLeadingCommon(m, context)
            }
        }
        return nil
    }

    /// Drops ordinary words a sentence may put before a name (`Yesterday Jose Alvarez`).
    private func trimLeadingCommon(_ m: NameMatch, _ context: NameContext) -> NameMatch? {
        var first = m.first
        var words = (m.first...m.last).filter { !isInitial($0) && !lexicon.isParticle(tokens[$0].text) }
        while words.count > 2, lexicon.isCommon(tokens[words[0]].text) {
            words.removeFirst()
            first = words[0]
        }
        if first == m.first { return m }
        return firstLast(at: first, context, maxWords: m.last - first + 1)
    }
}
