import Foundation
import TextPatterns

/// Finds every later mention of the private persons in the registry.
///
/// A mention is a run of words on one line, each a known given name or surname of a person
/// (or an initial), joined by spaces or one comma: `Jose Alvarez`, `ALVAREZ, Jose`,
/// `Alvarez's`, `BOP_ROSARIO.pdf`. Words of five letters or more also match with one OCR
/// error (`Alvarcz`). A surname alone is redacted when the person was identified with
/// enough context (strength 0.6 or more), it has three letters or more and is neither an
/// official's name nor an ordinary word (`Young` alone is left to `Mr. Young`). A given name
/// alone is redacted only when distinctive (four letters or more, not an ordinary word, not an
/// official's) and at low confidence.
///
/// Leaves alone: words inside officials' names found in the same text (`Sgt. Det. Robert
/// Flaherty`), and names whose official evidence is stronger than their private evidence.
struct Propagation {
    let registry: EntityRegistry
    let resolver: Resolver

    enum Role {
        case surname
        case given
    }

    struct WordMatch {
        var identities: Set<String>
        var role: Role
        var fuzzy: Bool
    }

    func findings(_ ctx: ScanContext, officialSpans: [TextSpan]) -> [Finding] {
        var out: [Finding] = []
        var i = 0
        let tokens = ctx.tokens
        while i < tokens.count {
            guard let first = match(i, ctx, officialSpans) else {
                if let f = hyphenPart(i, ctx, officialSpans) { out.append(f) }
                i += 1
                continue
            }
            var run = [(i, first)]
            var j = i + 1
            while j < tokens.count, ctx.tokenLine[j] == ctx.tokenLine[i],
                ctx.parser.isNameGap(j) || ctx.parser.isCommaGap(j)
            {
                if let m = match(j, ctx, officialSpans) {
                    run.append((j, m))
                } else if ctx.parser.isInitial(j), j + 1 < tokens.count, ctx.parser.isNameGap(j + 1),
                    match(j + 1, ctx, officialSpans) != nil
                {
                    // An initial between two name words.
                } else {
                    break
                }
                j += 1
            }
            if var finding = decide(run, ctx) {
                // A registered surname after a capitalised word no rule knew (`Sam Stecklow` when
                // only `Mr. Stecklow` was found): the given name goes with it.
                if run.count == 1, run[0].1.role == .surname, i > 0, ctx.tokenLine[i - 1] == ctx.tokenLine[i],
                    ctx.parser.isNameGap(i), ctx.tokens[i - 1].isTitleCase,
                    !ctx.rules.lexicon.isDictionaryWord(folded: ctx.tokens[i - 1].folded),
                    !ctx.rules.lexicon.isNeverName(folded: ctx.tokens[i - 1].folded),
                    !officialSpans.contains(where: { $0.overlaps(ctx.tokens[i - 1].span) }),
                    !out.contains(where: { $0.span.overlaps(ctx.tokens[i - 1].span) })
                {
                    finding.span.start = ctx.tokens[i - 1].span.start
                }
                out.append(finding)
            }
            i = (run.last?.0 ?? i) + 1
        }
        return out
    }

    /// The parts of a word joined by a hyphen or run together by OCR (`JoseAlvarez`).
    static func parts(_ word: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousLower = false
        for c in word {
            if c == "-" || c == "‐" {
                if !current.isEmpty { out.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if c.isUppercase && previousLower {
                out.append(current)
                current = ""
            }
            current.append(c)
            previousLower = c.isLowercase
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// A word with a registered surname as one of its parts: hyphenated (`NGOZI-OKAFOR`,
    /// `Teixeira-pled` where OCR lost a space) or run together (`JoseAlvarez`). The whole word
    /// is redacted.
    private func hyphenPart(_ i: Int, _ ctx: ScanContext, _ officialSpans: [TextSpan]) -> Finding? {
        let token = ctx.tokens[i]
        if let merged = capitalsRunTogether(token, officialSpans) { return merged }
        guard token.text.contains("-") || token.hasOddCapitals, token.startsUpper,
            !officialSpans.contains(where: { $0.contains(token.span) })
        else { return nil }
        for part in Propagation.parts(token.stem) where part.count >= 3 {
            let word = foldWord(part)
            guard resolver.officialWordStrength(word) == 0, !ctx.rules.lexicon.isCommon(word) else { continue }
            let ids = registry.identities(surname: word).filter(resolver.isPrivate)
            guard let identity = ids.sorted().first, resolver.privateStrength(identity) >= 0.6 else { continue }
            let end = token.span.start + (token.stem as NSString).length
            return Finding(
                span: TextSpan(token.span.start, end), type: .personName, ruleID: "registry_mention",
                confidence: min(0.8, resolver.privateStrength(identity)), name: nil,
                identity: ids.count == 1 ? identity : word)
        }
        return nil
    }

    /// A surname and given name of one registered person that OCR ran together in capitals
    /// (`BAUER, JACOB` printed in a call list as `BAUERJACOB`): the whole word is redacted.
    private func capitalsRunTogether(_ token: WordToken, _ officialSpans: [TextSpan]) -> Finding? {
        let letters = Array(foldWord(token.stem))
        guard token.isAllUpper, letters.count >= 7, letters.allSatisfy(\.isLetter),
            !officialSpans.contains(where: { $0.contains(token.span) })
        else { return nil }
        for cut in 3...(letters.count - 3) {
            let a = String(letters[..<cut])
            let b = String(letters[cut...])
            let both = registry.identities(surname: a).intersection(registry.identities(given: b))
                .union(registry.identities(given: a).intersection(registry.identities(surname: b)))
                .filter(resolver.isPrivate)
            guard let identity = both.sorted().first else { continue }
            let end = token.span.start + (token.stem as NSString).length
            return Finding(
                span: TextSpan(token.span.start, end), type: .personName, ruleID: "registry_mention",
                confidence: min(0.8, resolver.privateStrength(identity)), name: nil, identity: identity)
        }
        return nil
    }

    /// Whether word `i` is a known private name word, and whose.
    private func match(_ i: Int, _ ctx: ScanContext, _ officialSpans: [TextSpan]) -> WordMatch? {
        let token = ctx.tokens[i]
        guard !token.touchesDigit || ctx.field == .attachment, token.text.count >= 2 else { return nil }
        if officialSpans.contains(where: { $0.contains(token.span) }) { return nil }
        let word = token.folded
        let lower = !token.startsUpper
        if lower && (word.count < 4 || ctx.rules.lexicon.isCommon(word)) { return nil }
        let surnames = registry.identities(surname: word).filter(resolver.isPrivate)
        let givens = registry.identities(given: word).filter(resolver.isPrivate)
        if !surnames.isEmpty { return WordMatch(identities: surnames, role: .surname, fuzzy: false) }
        if !givens.isEmpty { return WordMatch(identities: givens, role: .given, fuzzy: false) }
        // One OCR error, for capitalised words that are not ordinary words or officials' names.
        guard !lower, word.count >= EntityRegistry.fuzzyMinimum, !ctx.rules.lexicon.isCommon(word),
            !ctx.rules.lexicon.isNeverName(word), resolver.officialWordStrength(word) == 0
        else { return nil }
        for candidate in registry.fuzzyMatches(word) where !ctx.rules.lexicon.isDictionaryWord(folded: candidate) {
            let s = registry.identities(surname: candidate).filter(resolver.isPrivate)
            if !s.isEmpty { return WordMatch(identities: s, role: .surname, fuzzy: true) }
            let g = registry.identities(given: candidate).filter(resolver.isPrivate)
            if !g.isEmpty { return WordMatch(identities: g, role: .given, fuzzy: true) }
        }
        return nil
    }

    private func decide(_ run: [(Int, WordMatch)], _ ctx: ScanContext) -> Finding? {
        guard let (firstIndex, _) = run.first, let (lastIndex, lastMatch) = run.last else { return nil }
        // The identity most words agree on; full identities before surname-only ones; of two
        // people sharing a surname (`Exantus` alone), the one identified more surely decides
        // whether the word goes.
        var votes: [String: Int] = [:]
        for (_, m) in run { for id in m.identities { votes[id, default: 0] += 1 } }
        let best = votes.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            let aFull = a.key.contains(" ")
            let bFull = b.key.contains(" ")
            if aFull != bFull { return aFull }
            let aStrength = resolver.privateStrength(a.key)
            let bStrength = resolver.privateStrength(b.key)
            if aStrength != bStrength { return aStrength > bStrength }
            return a.key < b.key
        }
        guard let top = best.first else { return nil }
        let tied = best.filter { $0.value == top.value && $0.key.contains(" ") }
        var identity = top.key
        if tied.count > 1 { identity = ctx.tokens[lastIndex].folded }
        let strength = resolver.privateStrength(top.key)
        let token = ctx.tokens[lastIndex]
        let start = ctx.tokens[firstIndex].span.start
        let end = token.span.start + (token.stem as NSString).length
        // A name found only weakly yields to an official who shares one of its words.
        let firstGiven = top.key.contains(" ") ? top.key.split(separator: " ").first.map(String.init) : nil
        if strength < 0.6, let entry = registry.entry(top.key),
            entry.surname.contains(where: { resolver.probablyOfficial(surname: $0, given: firstGiven) })
        {
            return nil
        }
        let fuzzy = run.contains { $0.1.fuzzy }
        var confidence = min(0.9, strength)
        // A mention names the surname, unless it is two given names of someone identified surely.
        let surnames = registry.entry(top.key)?.surname ?? []
        let hasSurname = run.contains { surnames.contains(ctx.tokens[$0.0].folded) || $0.1.role == .surname && $0.1.fuzzy }
        if !hasSurname && !(strength >= 0.8 && run.count >= 2) && !(run.count == 1 && lastMatch.role == .given) {
            return nil
        }
        // Given names never reach beyond the documents that name their person: another
        // document's Patricia is another Patricia.
        let inScope = registry.isInScope(top.key)
        if !hasSurname && !inScope { return nil }
        var ruleID = fuzzy ? "registry_ocr_variant" : "registry_mention"
        if run.count == 1 {
            let word = token.folded
            let lexicon = ctx.rules.lexicon
            // An official's word stays, unless the person is known here more surely as private
            // (`Mr. Stecklow` beats a `From: Sam Stecklow` printed without an address).
            if resolver.officialWordStrength(word) > 0, !(inScope && strength > resolver.officialWordStrength(word) + 0.2) {
                return nil
            }
            // Alone, a name that is also an ordinary word (`Young`, `Date`) is left to the
            // rules that see its context (`Mr. Young`, `Young was arrested`), unless it is
            // printed the way only names are: in capitals, or in a file name
            // (`I-247A_FORTES.pdf`, where Fortes is also the plural of forte).
            let shownAsName = (token.text.count >= 4 && token.text == token.text.uppercased())
                || token.gapBefore.hasSuffix("_") || token.next == "_"
            if lexicon.isDictionaryWord(folded: word), !(shownAsName && strength >= 0.8) { return nil }
            switch lastMatch.role {
            case .surname:
                // Two-letter surnames (`Wu`, `Ng`) alone only after a title (HonorificNameRule).
                guard strength >= 0.6, word.count >= 3 else { return nil }
                // A surname alone in a document that does not name the person is redacted (it
                // may be them) but not linked to them: it gets a tag of its own.
                if !inScope {
                    identity = word
                    ruleID = "registry_surname_elsewhere"
                    confidence = min(confidence, 0.6)
                }
            case .given:
                guard strength >= 0.8, word.count >= 4, token.startsUpper else { return nil }
                confidence = 0.5
            }
        } else if run.allSatisfy({ $0.1.role == .given }) {
            confidence = min(confidence, 0.6)
        }
        if fuzzy { confidence = min(confidence, 0.7) }
        return Finding(
            span: TextSpan(start, end), type: .personName, ruleID: ruleID, confidence: confidence, name: nil,
            identity: identity)
    }
}

/// Finds every other printing of the identifiers in the registry.
///
/// An identifier found with its label in one message (`MA reg 3JS352`, `DOB: 12/7/1984`,
/// `Phone 774-555-2172`) is redacted wherever else the dump prints it: after a label OCR
/// garbled (`FAVE cer 3JS352`), in another format (`(774) 555-2172`, `December 7, 1984`), in
/// a list without labels. Runs of one to four whitespace-separated chunks of a line are
/// compared by `IdentifierKey`.
///
/// Leaves alone: values the registry also saw kept as an official's (an office number), and
/// values shorter than five letters and digits.
struct IdentifierPropagation {
    let registry: EntityRegistry

    func findings(_ ctx: ScanContext, kept: [TextSpan]) -> [Finding] {
        guard !registry.identifiers.isEmpty else { return [] }
        var out: [Finding] = []
        let ns = ctx.ns
        for line in ctx.lines.lines where !line.isBlank {
            let chunks = self.chunks(ns, line.contentSpan)
            let texts = chunks.map { ns.substring(with: $0.nsRange) }
            // Only a run with a digit or an `@` can have a key (see `IdentifierKey.keys`);
            // most runs of a line are words, and computing their keys was a twentieth of a run.
            let keyed = texts.map { $0.contains(where: \.isNumber) || $0.contains("@") }
            var i = 0
            while i < chunks.count {
                var matched = false
                for n in stride(from: min(4, chunks.count - i), through: 1, by: -1) {
                    guard keyed[i..<i + n].contains(true) else { continue }
                    if n > 1, !texts[i..<i + n].allSatisfy(isValuePart) { continue }
                    let span = TextSpan(chunks[i].start, chunks[i + n - 1].end)
                    let printed = ns.substring(with: span.nsRange)
                    guard let entry = IdentifierKey.keys(printed).lazy.compactMap({ registry.identifier($0) }).first
                    else { continue }
                    if kept.contains(where: { $0.overlaps(span) }) { continue }
                    out.append(
                        Finding(
                            span: span, type: entry.type, ruleID: "registry_identifier",
                            confidence: min(0.85, entry.strength), name: nil, identity: nil))
                    i += n
                    matched = true
                    break
                }
                if !matched { i += 1 }
            }
        }
        return out
    }

    /// A chunk that can be part of a value printed with spaces: it has a digit or an `@`, is a
    /// month's name, or is the `A` of an A-number.
    private func isValuePart(_ chunk: String) -> Bool {
        if chunk.contains(where: \.isNumber) || chunk.contains("@") || chunk == "A" { return true }
        let lower = chunk.lowercased()
        return lower.count >= 3 && IdentifierCheck.months.contains { lower.hasPrefix($0) }
    }

    /// Whitespace-separated chunks of a line, without brackets and punctuation at their ends.
    private func chunks(_ ns: PatternText, _ span: TextSpan) -> [TextSpan] {
        var out: [TextSpan] = []
        var i = span.start
        let trim = CharacterSet(charactersIn: "()[]{}<>,.;:!?\"'’“”*_|")
        while i < span.end {
            while i < span.end, ns.character(at: i) == 32 || ns.character(at: i) == 9 { i += 1 }
            var j = i
            while j < span.end, ns.character(at: j) != 32, ns.character(at: j) != 9 { j += 1 }
            var a = i
            var b = j
            while a < b, let c = Unicode.Scalar(ns.character(at: a)), trim.contains(c) { a += 1 }
            while b > a, let c = Unicode.Scalar(ns.character(at: b - 1)), trim.contains(c) { b -= 1 }
            if b > a { out.append(TextSpan(a, b)) }
            i = j
        }
        return out
    }
}
