/// How a leaked string was recognised.
package enum LeakMatch: String, Sendable, Equatable {
    /// The same words in the same order, ignoring case, accents and punctuation.
    case exact
    /// The same digits (or letters and digits, for plates and licences) across other separators.
    case digits
    /// A date of birth printed in another common format.
    case dateRendering = "date rendering"
    /// A name with one OCR-like character error ("Alvarcz" for "Alvarez").
    case ocrVariant = "ocr variant"
}

/// What one search of a text found.
package struct LeakSearchResult: Sendable, Equatable {
    /// One hit per entry found, in entry order.
    package var hits: [LeakHit] = []
    /// One-edit name matches passed over because all their words are words of `keep` strings.
    package var ignoredKeepVariants = 0
    /// One-edit name matches passed over because they are ordinary lower-case words.
    package var ignoredOrdinaryWords = 0
}

/// One truth PII string found in one piece of published text.
package struct LeakHit: Sendable, Equatable {
    /// Index of the PII entry in the searcher's list.
    package var entry: Int
    package var match: LeakMatch
    /// The published text that matched, as printed.
    package var found: String
}

/// Finds truth PII strings in published text, including the disguises a leak takes.
///
/// Redaction that misses a string rarely leaves it byte-identical to the truth: OCR changes a
/// letter, a phone number comes with other punctuation, a date of birth in another format.
/// So each PII entry becomes several patterns:
///
/// - every type but long numbers: its words in order, case- and accent-folded, punctuation
///   ignored;
/// - numbers (`date_of_birth`, `a_number`, `ssn`, `phone`, `drivers_license`, `fbi_number`,
///   `state_id`, `passport`, `license_plate`): its digits, matched against consecutive digit
///   groups of one run (see `TextTokens`), so "617.555.1234" finds "(617) 555-1234"; when the
///   entry has letters too ("A123456789", "1ABC23"), also its letters and digits, matched the
///   same way against words;
/// - dates of birth: the renderings of `DateRenderings`;
/// - person names of five letters or more: any sequence of words whose letters are within one
///   edit of the name's letters, which finds "Alvarcz" and "JoseAlvarez"; also the name with
///   its last word first ("Alvarez, Jose"). Shorter names would match too many ordinary words.
///   A one-edit match made only of words of `keep` strings is not a leak: "Sean Kelly" the
///   detective is not an OCR error of the private "Sean Kelley".
///
/// Numbers shorter than five digits are only matched as words: four digits turn up
/// everywhere.
package struct LeakSearcher: Sendable {
    package let entries: [TruthPII]
    /// Folded words of the truth's `keep` strings.
    private let keepWords: Set<String>

    private var wordSequences: [String: [(entry: Int, words: [String], match: LeakMatch)]] = [:]
    private var digitStrings: [String: [Int]] = [:]
    private var alnumStrings: [String: [Int]] = [:]
    private var dateGroups: [String: [Int]] = [:]
    private var fuzzy = FuzzyNameIndex()
    private var maxDigits = 0
    private var maxAlnum = 0

    package static let numberTypes: Set<String> = [
        "date_of_birth", "a_number", "ssn", "phone", "drivers_license", "fbi_number", "state_id", "passport",
        "license_plate",
    ]
    static let minimumDigits = 5
    static let minimumFuzzyLetters = 5

    /// - Parameter keep: strings that must stay readable; see the one-edit rule above.
    package init(_ entries: [TruthPII], keep: [String] = []) {
        self.entries = entries
        keepWords = Set(keep.flatMap { TextTokens($0).words.map(\.text) })
        for (index, entry) in entries.enumerated() {
            let words = TextTokens(entry.text).words.map(\.text)
            // Numbers long enough to be matched digit by digit need no word pattern; shorter
            // ones are matched as words only.
            if !LeakSearcher.numberTypes.contains(entry.type) || !addNumber(entry, words: words, index: index) {
                addWords(words, entry: index, match: .exact)
            }
            if entry.type == "person_name" {
                var reversed = words
                if reversed.count > 1, let last = reversed.popLast() {
                    reversed.insert(last, at: 0)
                    addWords(reversed, entry: index, match: .exact)
                }
                for form in Set([words, reversed]) {
                    let letters = form.flatMap { TextTokens.letters($0) }
                    if letters.count >= LeakSearcher.minimumFuzzyLetters {
                        fuzzy.add(letters, wordCount: form.count, entry: index)
                    }
                }
            }
        }
    }

    private mutating func addWords(_ words: [String], entry: Int, match: LeakMatch) {
        guard let first = words.first else { return }
        wordSequences[first, default: []].append((entry, words, match))
    }

    /// Adds the number patterns of an entry; false when it is too short for them.
    private mutating func addNumber(_ entry: TruthPII, words: [String], index: Int) -> Bool {
        if entry.type == "date_of_birth", let dates = DateRenderings(entry.text) {
            for groups in dates.groups { dateGroups[groups.joined(separator: "/"), default: []].append(index) }
            for compact in dates.compact {
                digitStrings[compact, default: []].append(index)
                maxDigits = max(maxDigits, compact.count)
            }
            for form in dates.words { addWords(form, entry: index, match: .dateRendering) }
            return true
        }
        var added = false
        let digits = String(entry.text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
        if digits.count >= LeakSearcher.minimumDigits {
            digitStrings[digits, default: []].append(index)
            maxDigits = max(maxDigits, digits.count)
            added = true
        }
        let alnum = words.joined()
        if alnum != digits, alnum.count >= LeakSearcher.minimumDigits {
            alnumStrings[alnum, default: []].append(index)
            maxAlnum = max(maxAlnum, alnum.count)
            added = true
        }
        return added
    }

    /// Every entry found in `text`, once each, by the most literal match that finds it.
    package func search(_ text: String) -> LeakSearchResult {
        let tokens = TextTokens(text)
        var hits: [Int: LeakHit] = [:]
        func record(_ entry: Int, _ match: LeakMatch, _ range: Range<String.Index>) {
            guard hits[entry] == nil else { return }
            let found = String(text[LeakSearcher.widenToWords(range, in: text)])
            // A number copied as printed is an exact leak, however it was found.
            let isVerbatim = found.lowercased() == entries[entry].text.lowercased()
            hits[entry] = LeakHit(entry: entry, match: isVerbatim ? .exact : match, found: found)
        }
        let words = tokens.words
        // Words in order. The first hit of an entry wins, so exact forms are tried first.
        for i in words.indices {
            for candidate in wordSequences[words[i].text] ?? [] where hits[candidate.entry] == nil {
                let end = i + candidate.words.count
                guard end <= words.count,
                    zip(candidate.words, words[i..<end]).allSatisfy({ $0 == $1.text })
                else { continue }
                record(candidate.entry, candidate.match, words[i].range.lowerBound..<words[end - 1].range.upperBound)
            }
        }
        let groups = tokens.digitGroups
        if !dateGroups.isEmpty, groups.count >= 3 {
            for i in 0..<(groups.count - 2) where groups[i].run == groups[i + 2].run {
                let key = "\(groups[i].text)/\(groups[i + 1].text)/\(groups[i + 2].text)"
                for entry in dateGroups[key] ?? [] {
                    record(entry, .dateRendering, groups[i].range.lowerBound..<groups[i + 2].range.upperBound)
                }
            }
        }
        searchConcatenations(tokens.digitGroups, index: digitStrings, maxLength: maxDigits, record: record)
        searchConcatenations(words, index: alnumStrings, maxLength: maxAlnum, record: record)
        var ignored = 0
        var ordinary = 0
        for hit in fuzzy.search(words, excluding: keepWords, ignored: &ignored) {
            if OrdinaryWords.areOrdinary(text[hit.range])
                || OrdinaryWords.breaksASentence(text[hit.range], name: entries[hit.entry].text)
            {
                ordinary += 1
                continue
            }
            record(hit.entry, .ocrVariant, hit.range)
        }
        return LeakSearchResult(
            hits: hits.values.sorted { $0.entry < $1.entry }, ignoredKeepVariants: ignored,
            ignoredOrdinaryWords: ordinary)
    }

    /// The range grown to whole words, so a number found inside "C84922715" is reported as
    /// that, not as "84922715".
    static func widenToWords(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        let scalars = text.unicodeScalars
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { (s.value >= 48 && s.value <= 57) || TextTokens.isLetter(s) }
        var lower = range.lowerBound
        while lower > scalars.startIndex, isWordScalar(scalars[scalars.index(before: lower)]) {
            lower = scalars.index(before: lower)
        }
        var upper = range.upperBound
        while upper < scalars.endIndex, isWordScalar(scalars[upper]) { upper = scalars.index(after: upper) }
        return lower..<upper
    }

    /// Matches entries against concatenations of consecutive tokens of one run.
    private func searchConcatenations(
        _ tokens: [TextTokens.Token], index: [String: [Int]], maxLength: Int,
        record: (Int, LeakMatch, Range<String.Index>) -> Void
    ) {
        guard !index.isEmpty else { return }
        for i in tokens.indices {
            var joined = ""
            var j = i
            while j < tokens.count, tokens[j].run == tokens[i].run {
                joined += tokens[j].text
                guard joined.count <= maxLength else { break }
                for entry in index[joined] ?? [] {
                    record(entry, .digits, tokens[i].range.lowerBound..<tokens[j].range.upperBound)
                }
                j += 1
            }
        }
    }
}
