import FoiaCore
import Foundation

/// One span of a text that will be replaced, decided with the whole dump's registry.
struct ResolvedSpan: Sendable {
    var span: TextSpan
    var type: PIIType
    var ruleID: String
    var confidence: Double
    var placeholder: String
    var identity: String?
}

/// The redact pass over one text: rules, then the registry, then one span per redaction.
///
/// Name findings are checked against what is known of officials (allowlist, agency e-mail,
/// ranks, signatures; in this text and in the registry): the stronger evidence wins, and a
/// weak finding (an unlabelled name) yields to any official evidence for its surname.
/// Mentions of registered private persons are added (`Propagation`), and the forms only the
/// leak matcher knows (`LeakSweep`). Overlapping spans are
/// merged into one, typed by its most confident part, so no piece of a redacted string is
/// left between two placeholders.
final class Resolver: Sendable {
    let rules: PIIRules
    let scanner: TextScanner
    let pseudonyms: Pseudonymizer
    let registry: EntityRegistry
    let sweep: LeakSweep?

    init(rules: PIIRules, scanner: TextScanner, pseudonyms: Pseudonymizer, registry: EntityRegistry) {
        self.rules = rules
        self.scanner = scanner
        self.pseudonyms = pseudonyms
        self.registry = registry
        // A weakly found name that `decideName` leaves to an official with its surname
        // (`Bill Kilroy`, known as `Kilroy Jr, William A.`) is not searched for either.
        sweep = LeakSweep(registry: registry, rules: rules) { _, entry in
            guard let surname = entry.surname.sorted().first else { return false }
            return Resolver.yieldsToOfficial(
                strength: entry.strength, surname: surname, given: entry.given.sorted().first, rules: rules,
                registry: registry)
        }
    }

    /// Whether a weakly found name yields to an official who has its surname and no other given
    /// name (`Sean Kelly`, known as `Det. Kelly`; `Bill Kilroy` as `Kilroy, William`).
    static func yieldsToOfficial(
        strength: Double, surname: String, given: String?, rules: PIIRules, registry: EntityRegistry
    ) -> Bool {
        let official = rules.officials.nameWords.contains(surname) ? 1 : registry.officialWordStrength(surname)
        return strength < 0.6 && official > strength
            && probablyOfficial(surname: surname, given: given, rules: rules, registry: registry)
    }

    func isPrivate(_ identity: String) -> Bool {
        let p = privateStrength(identity)
        return p > 0 && p > officialStrength(identity)
    }

    func privateStrength(_ identity: String) -> Double { registry.privateStrength(identity) }

    func officialStrength(_ identity: String) -> Double {
        rules.officials.nameIdentities.contains(identity) ? 1 : registry.officialStrength(identity)
    }

    func officialWordStrength(_ word: String) -> Double {
        rules.officials.nameWords.contains(word) ? 1 : registry.officialWordStrength(word)
    }

    /// Whether a weakly found name is probably an official's: an official has its surname and
    /// no known given name, or the same one (`Bill Kilroy` and `Kilroy, William`; not `Freddy
    /// Martinez` and `Martinez, Maria`).
    func probablyOfficial(surname: String, given: String?) -> Bool {
        Resolver.probablyOfficial(surname: surname, given: given, rules: rules, registry: registry)
    }

    static func probablyOfficial(surname: String, given: String?, rules: PIIRules, registry: EntityRegistry) -> Bool {
        let known = registry.officialGivenNames(surname: surname)
            + rules.officials.names.filter { $0.surname.contains(surname) }.map { Set($0.given) }
        guard !known.isEmpty else { return false }
        guard let given else { return true }
        return known.contains { names in names.isEmpty || names.contains { Nicknames.same($0, given) } }
    }

    /// The identity a lone name stands for: the one private person with it as surname (or,
    /// failing that, as given name), or the word itself.
    ///
    /// Only people named in the document being redacted count: a lone name is never linked to
    /// someone another document names (two Martinezes, two Patricias stay two people).
    func identity(forSurname word: String) -> String {
        let full = registry.identities(surname: word).filter { $0.contains(" ") && isPrivate($0) }
        if full.count == 1, let only = full.first, registry.isInScope(only) { return only }
        if full.isEmpty {
            let given = registry.identities(given: word).filter { $0.contains(" ") && isPrivate($0) }
            if given.count == 1, let only = given.first, registry.isInScope(only) { return only }
        }
        return word
    }

    func resolve(_ text: String, field: FieldKind, roles: [LineRole] = []) -> [ResolvedSpan] {
        let (scan, ctx) = scanner.scanTaking(text, field: field, roles: roles)
        var findings: [Finding] = []
        for var f in scan.findings {
            // A number kept as an official's office line anywhere in the dump is kept everywhere.
            if f.type == .phone, let key = IdentifierKey.key(ctx.string(f.span)), registry.keptIdentifiers.contains(key) {
                continue
            }
            if f.type == .personName {
                guard let decided = decideName(f, scan.officials) else { continue }
                f = decided
            }
            findings.append(f)
        }
        let propagation = Propagation(registry: registry, resolver: self)
        // Officials' names shield their words from propagation, unless the dump knows the
        // name better as a private person's (`To: Jose Alvarez`, printed without an address).
        // The surname alone counts too when this document names someone by it (`Mr. Stecklow`
        // makes `From: Sam Stecklow`, printed without an address, no colleague's name).
        let shields = scan.officials.filter { hit in
            let identity = hit.name.given.isEmpty ? (hit.name.surname.last ?? "") : hit.name.identity
            var priv = privateStrength(identity)
            if let surname = hit.name.surname.last, isPrivate(surname), registry.isInScope(surname) {
                priv = max(priv, privateStrength(surname))
            }
            return priv <= max(hit.strength, officialStrength(identity))
        }
        findings += propagation.findings(ctx, officialSpans: shields.map(\.span) + scan.kept)
        findings += IdentifierPropagation(registry: registry).findings(ctx, kept: scan.kept)
        findings += contextFindings(ctx, around: findings, kept: scan.kept + scan.officials.map(\.span))
        if let sweep {
            findings += sweep.findings(
                in: text, redacted: findings.map(\.span), kept: scan.kept + shields.map(\.span))
        }
        findings += givenNamesBeside(ctx, findings, kept: scan.kept + shields.map(\.span))
        let spans = merge(findings, ctx)
        guard let review = registry.review else { return spans }
        return review.apply(to: spans, in: text, scope: registry.scope, pseudonyms: pseudonyms)
    }

    /// Numbers that only their place types: on a line with a redaction or next to one, a
    /// digit-bearing token that no safe shape explains is a private person's identifier
    /// (`J. Ruiz, 123 456 789, S1234567`), redacted rather than guessed safe.
    func contextFindings(_ ctx: ScanContext, around findings: [Finding], kept: [TextSpan]) -> [Finding] {
        let rules = self.rules.patterns.filter(\.privateContext)
        guard !rules.isEmpty, !findings.isEmpty else { return [] }
        var lines = Set<Int>()
        for f in findings {
            let first = ctx.lineOf(offset: f.span.start)
            let last = ctx.lineOf(offset: max(f.span.start, f.span.end - 1))
            for l in (first - 1)...(last + 1) { lines.insert(l) }
        }
        var out: [Finding] = []
        for rule in rules {
            for f in rule.findings(in: ctx.lines) where lines.contains(ctx.lineOf(offset: f.span.start)) {
                // Overlapping another redaction is fine (the two merge into one span); inside one is nothing new.
                guard !findings.contains(where: { $0.span.contains(f.span) }), !kept.contains(where: { $0.overlaps(f.span) }),
                    !out.contains(where: { $0.span.overlaps(f.span) })
                else { continue }
                out.append(f)
            }
        }
        return out
    }

    /// A given name printed beside a redacted private person's surname, which no rule took
    /// because the name was found without it: `Sam` before `Stecklow` in a sign-off or a
    /// `From:` line, `Elizabeth L` in the first-name cell after the surname cell
    /// (`MCDONALD | Elizabeth L`). The word must be a name the word list knows, no ordinary
    /// word and no official's, and not another given name than the person's known one; its
    /// other printings alone in the same text are the same person's and are redacted too
    /// (`Sam` on the line before `Sam Stecklow`), never in another text.
    func givenNamesBeside(_ ctx: ScanContext, _ findings: [Finding], kept: [TextSpan]) -> [Finding] {
        let lexicon = rules.lexicon
        var taken: [(word: String, finding: Finding)] = []
        func isFree(_ t: Int) -> Bool {
            let span = ctx.tokens[t].span
            return !findings.contains { $0.span.overlaps(span) } && !kept.contains { $0.overlaps(span) }
                && !taken.contains { $0.finding.span.overlaps(span) }
        }
        func givenName(_ t: Int, of identity: String) -> String? {
            let token = ctx.tokens[t]
            let word = token.folded
            guard token.isTitleCase || (token.isAllUpper && token.text.count >= 3), word.count >= 3,
                lexicon.isProperName(folded: word), !lexicon.isCommon(folded: word), !lexicon.isNeverName(folded: word),
                !isOfficialsWord(word, besides: identity), isFree(t)
            else { return nil }
            let known = registry.persons[identity]?.given ?? []
            guard known.isEmpty || known.contains(where: { Nicknames.same($0, word) }) else { return nil }
            return word
        }
        /// A part of the person's own name as OCR or a line break printed it beside the
        /// redacted rest, in one to three pieces (`Edw in`, `G raciela`, `O-⏎konkwo`, `dwin` with
        /// its first letter lost, `Okonkwo` on the next line): the pieces' span.
        func brokenPart(_ pieces: [Int], of parts: Set<String>) -> (word: String, span: TextSpan)? {
            guard let firstPiece = pieces.first, let lastPiece = pieces.last, pieces.allSatisfy(isFree),
                pieces.dropFirst().allSatisfy({ Resolver.pieceGaps.contains(ctx.tokens[$0].gapBefore) })
            else { return nil }
            let joined = pieces.map { ctx.tokens[$0].folded }.joined()
            guard joined.count >= 3, ctx.tokens[firstPiece].startsUpper || pieces.count == 1 else { return nil }
            for part in parts where part.count >= 4 {
                if joined == part || (part.count - joined.count == 1 && part.hasSuffix(joined)) {
                    return (part, TextSpan(ctx.tokens[firstPiece].span.start, ctx.tokens[lastPiece].span.end))
                }
            }
            return nil
        }
        for f in findings where f.type == .personName && f.confidence >= 0.6 {
            guard let identity = f.identity, let first = ctx.token(atOrAfter: f.span.start),
                ctx.tokens[first].span.start < f.span.end
            else { continue }
            let parts = nameParts(identity)
            if parts.isEmpty { continue }
            let line = ctx.tokenLine[first]
            let after = ctx.token(atOrAfter: f.span.end)
            // Before or after the redacted span, on its line or across one line break.
            if Resolver.besideGaps.contains(ctx.tokens[first].gapBefore) {
                for k in 1...3 where first - k >= 0 {
                    if let hit = brokenPart(Array((first - k)..<first), of: parts) {
                        taken.append(
                            (hit.word, Finding(span: hit.span, type: .personName, ruleID: "name_part_beside",
                                confidence: f.confidence, name: nil, identity: identity)))
                        break
                    }
                }
            }
            // A redacted word that a line end hyphenated goes on (`HRYTSENKO, Gra-` / `ciela`).
            if let after, after > 0, ctx.tokens[after].gapBefore.hasPrefix("-"),
                Resolver.pieceGaps.contains(ctx.tokens[after].gapBefore), isFree(after),
                parts.contains(ctx.tokens[after - 1].folded + ctx.tokens[after].folded)
            {
                taken.append(
                    (ctx.tokens[after - 1].folded + ctx.tokens[after].folded,
                        Finding(span: ctx.tokens[after].span, type: .personName, ruleID: "name_part_beside",
                            confidence: f.confidence, name: nil, identity: identity)))
            } else if let after, Resolver.besideGaps.contains(ctx.tokens[after].gapBefore) {
                for k in 1...3 where after + k <= ctx.tokens.count {
                    if let hit = brokenPart(Array(after..<(after + k)), of: parts) {
                        taken.append(
                            (hit.word, Finding(span: hit.span, type: .personName, ruleID: "name_part_beside",
                                confidence: f.confidence, name: nil, identity: identity)))
                        break
                    }
                }
            }
            // Before: `Sam Stecklow`, one space apart on one line.
            if first > 0, ctx.tokens[first].gapBefore == " ", ctx.tokenLine[first - 1] == line,
                let word = givenName(first - 1, of: identity)
            {
                taken.append(
                    (word, Finding(span: ctx.tokens[first - 1].span, type: .personName, ruleID: "given_name_beside",
                        confidence: f.confidence, name: nil, identity: identity)))
            }
            // After a comma or a table rule: `MCDONALD, Elizabeth`, `MCDONALD | Elizabeth L`.
            if let next = ctx.token(atOrAfter: f.span.end), ctx.tokenLine[next] == line,
                [",", "|"].contains(ctx.tokens[next].gapBefore.trimmingCharacters(in: .whitespaces)),
                let word = givenName(next, of: identity)
            {
                var end = ctx.tokens[next].span.end
                if next + 1 < ctx.tokens.count, ctx.tokens[next + 1].isInitial, ctx.tokenLine[next + 1] == line,
                    ctx.tokens[next + 1].gapBefore == " "
                {
                    end = ctx.tokens[next + 1].span.end
                }
                taken.append(
                    (word, Finding(span: TextSpan(ctx.tokens[next].span.start, end), type: .personName,
                        ruleID: "given_name_beside", confidence: f.confidence, name: nil, identity: identity)))
            }
        }
        // Given names printed in this text's redacted full names count too (`Sam Stecklow`),
        // a name found only in prose when its surname is also redacted on surer evidence here
        // (`Mr. Stecklow`).
        func tokens(of f: Finding) -> [Int] {
            guard var t = ctx.token(atOrAfter: f.span.start) else { return [] }
            var inside: [Int] = []
            while t < ctx.tokens.count, ctx.tokens[t].span.end <= f.span.end {
                inside.append(t)
                t += 1
            }
            return inside
        }
        let sure = Set(
            findings.filter { $0.type == .personName && $0.confidence >= 0.6 }.flatMap(tokens).map { ctx.tokens[$0].folded })
        var named = taken
        for f in findings where f.type == .personName {
            let inside = tokens(of: f)
            guard inside.count >= 2, let identity = f.identity, isPrivate(identity),
                let entry = registry.persons[identity],
                f.confidence >= 0.6 || inside.contains(where: { entry.surname.contains(ctx.tokens[$0].folded) && sure.contains(ctx.tokens[$0].folded) })
            else { continue }
            for i in inside {
                let word = ctx.tokens[i].folded
                guard word.count >= 3, !entry.surname.contains(word), lexicon.isProperName(folded: word),
                    !lexicon.isCommon(folded: word), !lexicon.isNeverName(folded: word),
                    !isOfficialsWord(word, besides: identity)
                else { continue }
                named.append((word, f))
            }
        }
        guard !named.isEmpty else { return [] }
        var out = taken.map(\.finding)
        let byWord = Dictionary(named.map { ($0.word, $0.finding) }, uniquingKeysWith: { a, _ in a })
        for t in ctx.tokens.indices {
            let token = ctx.tokens[t]
            guard token.isTitleCase || token.isAllUpper, let f = byWord[token.folded], isFree(t),
                !out.contains(where: { $0.span.overlaps(token.span) })
            else { continue }
            out.append(
                Finding(span: token.span, type: .personName, ruleID: "given_name_alone", confidence: f.confidence * 0.9,
                    name: nil, identity: f.identity))
        }
        return out
    }

    /// Whether a word is an official's name: on the allowlist, an official's surname, or the
    /// given name of an official with another surname than this person's. Evidence that the
    /// person themself is an official (`From: Sam Stecklow` printed without an address) was
    /// outweighed when their surname was redacted, so it does not keep their given name.
    func isOfficialsWord(_ word: String, besides identity: String) -> Bool {
        if rules.officials.nameWords.contains(word) { return true }
        let parts = nameParts(identity)
        return registry.officials.values.contains {
            $0.surname.contains(word) || ($0.given.contains(word) && $0.surname.isDisjoint(with: parts))
        }
    }

    /// The words of a person's name: of the identity, or, for a surname that stands for several
    /// of the document's private persons (`HRYTSENKO` with `Graciela` and a misread `Gra`), of
    /// each of them.
    func nameParts(_ identity: String) -> Set<String> {
        var parts = Set<String>()
        if isPrivate(identity), let entry = registry.persons[identity] { parts = entry.given.union(entry.surname) }
        guard let surname = identity.split(separator: " ").last.map(String.init) else { return parts }
        for other in registry.identities(surname: surname) where isPrivate(other) && registry.isInScope(other) {
            if let entry = registry.persons[other] { parts.formUnion(entry.given.union(entry.surname)) }
        }
        return parts
    }

    /// What may stand between a redacted name and a part of it printed beside it, and between
    /// the pieces of a word OCR or a line end broke.
    static let besideGaps: Set<String> = [" ", "\n", ", ", ",", ",\n", " \n", "\n "]
    static let pieceGaps: Set<String> = [" ", "-\n", "- ", "-\n ", "\u{00AD}\n"]

    /// Keeps a name finding unless official evidence outweighs it; fills in its identity.
    func decideName(_ f: Finding, _ officials: [OfficialHit]) -> Finding? {
        var f = f
        let surname = f.name?.surname.last
        var identity = f.identity ?? surname.map(identity(forSurname:)) ?? ""
        // A name the reviewer joined to another is that other person (one tag for both).
        if let review = registry.review { identity = review.canonical(identity) }
        guard !identity.isEmpty else { return nil }
        let priv = max(f.confidence, privateStrength(identity))
        let off = officialStrength(identity)
        if off > priv || (off == priv && priv < 0.85) { return nil }
        // A lone surname that is also an official's is kept, unless the evidence is stronger.
        if f.name?.given.isEmpty ?? false, let surname, officialWordStrength(surname) >= f.confidence { return nil }
        if privateStrength(identity) < 0.6, let surname,
            Resolver.yieldsToOfficial(
                strength: f.confidence, surname: surname, given: f.name?.given.first, rules: rules, registry: registry)
        {
            return nil
        }
        if let hit = officials.first(where: { $0.span.overlaps(f.span) }), hit.strength >= priv { return nil }
        f.identity = identity
        f.confidence = priv == f.confidence ? f.confidence : max(f.confidence, min(priv, 0.95))
        return f
    }

    private func merge(_ findings: [Finding], _ ctx: ScanContext) -> [ResolvedSpan] {
        let sorted = findings.map { f -> Finding in
            var f = f
            if f.type == .personName {
                let s = ctx.string(f.span)
                let stem = WordToken.stripPossessive(s)
                if stem.count < s.count { f.span.end -= (s as NSString).length - (stem as NSString).length }
            }
            return f
        }.filter { $0.span.length > 0 }.sorted { $0.span < $1.span }
        var groups: [[Finding]] = []
        var groupEnd = -1
        for f in sorted {
            if !groups.isEmpty, f.span.start < groupEnd {
                groups[groups.count - 1].append(f)
                groupEnd = max(groupEnd, f.span.end)
            } else {
                groups.append([f])
                groupEnd = f.span.end
            }
        }
        return groups.map { group in
            let best = group.max { a, b in
                if a.confidence != b.confidence { return a.confidence < b.confidence }
                if a.span.length != b.span.length { return a.span.length < b.span.length }
                return a.type > b.type
            }!
            let span = TextSpan(group.map(\.span.start).min()!, group.map(\.span.end).max()!)
            let placeholder: String
            if best.type == .personName {
                let identity = best.identity ?? PersonName.identity(of: ctx.string(span)) ?? ""
                placeholder = pseudonyms.tag(forIdentity: registry.review?.canonical(identity) ?? identity)
            } else {
                placeholder = best.type.placeholder
            }
            return ResolvedSpan(
                span: span, type: best.type, ruleID: best.ruleID, confidence: best.confidence, placeholder: placeholder,
                identity: best.identity)
        }
    }
}
