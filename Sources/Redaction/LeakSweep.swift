import Foundation
import LeakSearch

/// The redaction's last look at a text: every other printed form of a private person the
/// document names, found by the same `LeakMatcher` that `verify` and `eval` search public
/// files with.
///
/// The rules find a name where its shape or its label says so; the registry then finds the
/// same words again. Neither sees `D ariusz W ojcik` (OCR split the words), `ZELAYA,` / `Edwin`
/// (a line break in a record row), `ROUSH. DEBORAH` or `borah Roush` (reversed, cut off), all
/// of which `verify` would report as leaks after publication. Redaction asks the leak matcher
/// instead of growing a second copy of its rules, so what verify calls a leak is redacted first.
///
/// Only persons named in the document being redacted are searched for (`EntityRegistry`'s
/// scope), never officials: a match made only of an official's words is passed over by the
/// matcher (its `keep` strings), so `Sgt. Martinez` stays when a private Martinez is redacted.
struct LeakSweep: Sendable {
    private let matcher: LeakMatcher
    private let identities: [String]
    /// The document every target belongs to, for the matcher's document-scoped forms (the
    /// registry has already chosen the document's persons).
    private static let document = "this document"

    /// Every person the document redacts is searched for, a name found only in prose
    /// (`prose_name`, 0.45) too: once `John Walters` is blacked out, `Walters` alone on the next
    /// page is the same person, and `verify` would report it.
    static let minimumStrength = 0.45

    /// Nil when the registry holds no private person in scope.
    ///
    /// - Parameter yieldsToOfficial: whether a person is probably an official after all, as the
    ///   resolver decides a weakly found name; such a person is not searched for.
    init?(
        registry: EntityRegistry, rules: PIIRules,
        yieldsToOfficial: (String, EntityRegistry.Entry) -> Bool = { _, _ in false }
    ) {
        let officials = rules.officials
        let lexicon = rules.lexicon
        var targets: [LeakTarget] = []
        var identities: [String] = []
        func officialStrength(_ identity: String) -> Double {
            officials.nameIdentities.contains(identity) ? 1 : registry.officialStrength(identity)
        }
        for (identity, entry) in registry.persons.sorted(by: { $0.key < $1.key })
        where entry.strength >= Self.minimumStrength && entry.strength > officialStrength(identity)
            && registry.isInScope(identity) && !yieldsToOfficial(identity, entry)
        {
            // A surname of three letters or fewer, a particle or a never-a-name word (`VAN`, `SON`,
            // `NFL`, OCR's `oy`) is a misread, not a person to look for in every form.
            guard let surname = entry.surname.sorted().first, surname.count >= LeakMatcher.minimumSurnameAlone, !lexicon.isParticle(surname),
                !lexicon.isNeverName(folded: surname)
            else { continue }
            let givens = entry.given.sorted()
            // A lone word that is also an ordinary word (`Juvenile was arrested`) is a guess of
            // the rule that took it; its every capitalised printing is not the person.
            if givens.isEmpty, lexicon.isDictionaryWord(folded: surname) { continue }
            for given in givens.isEmpty ? [nil] : givens.map(Optional.some) {
                let words = ([given].compactMap { $0 } + [surname]).map(LeakSweep.capitalised)
                targets.append(LeakTarget(text: words.joined(separator: " "), type: "person_name", documents: [Self.document]))
                identities.append(identity)
            }
        }
        guard !targets.isEmpty else { return nil }
        var keep: [String] = []
        for (_, entry) in registry.officials {
            keep += entry.surname.map(LeakSweep.capitalised) + entry.given.map(LeakSweep.capitalised)
        }
        keep += officials.nameWords.map(LeakSweep.capitalised)
        matcher = LeakMatcher(targets, keep: keep)
        self.identities = identities
    }

    /// Spans of `text` that print a person of the document in a form the other rules missed,
    /// outside `kept` spans (officials, agency lines) and the spans already `redacted`, which
    /// are blanked before the search. Every occurrence, not one per person: each round's hits
    /// are blanked and the text searched again.
    func findings(in text: String, redacted: [TextSpan], kept: [TextSpan]) -> [Finding] {
        var searched = text as NSString
        for span in redacted where span.end <= searched.length {
            searched = searched.replacingCharacters(
                in: span.nsRange, with: String(repeating: " ", count: span.length)) as NSString
        }
        var out: [Finding] = []
        for _ in 0..<8 {
            let current = searched as String
            let hits = matcher.search(current, document: Self.document).hits
            guard !hits.isEmpty else { break }
            for hit in hits {
                let range = NSRange(hit.range, in: current)
                let span = TextSpan(range)
                searched = searched.replacingCharacters(in: range, with: String(repeating: " ", count: range.length))
                    as NSString
                guard !kept.contains(where: { $0.overlaps(span) }) else { continue }
                out.append(
                    Finding(
                        span: span, type: .personName, ruleID: "leak_sweep_" + hit.form.rawValue.replacingOccurrences(of: " ", with: "_"),
                        confidence: hit.form.isPartial ? 0.7 : 0.8, name: nil, identity: identities[hit.target]))
            }
        }
        return out
    }

    static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
