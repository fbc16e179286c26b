/// Finds strings (audited originals for `verify`, truth PII for `eval`) in a piece of public
/// text, in every form a leak takes: see `TargetPatterns` for the rules and `LeakForm` for
/// what a hit reports.
///
/// Built once from all targets and shared read-only by every worker; one search is linear in
/// the text (each rule looks its candidates up in a dictionary), so a dump with many thousands
/// of targets costs no more per page than one with ten. Each target is reported at most once
/// per text, in the most literal form found.
public struct LeakMatcher: Sendable {
    public let targets: [LeakTarget]
    private let patterns: [TargetPatterns]
    /// Folded words of strings that must stay readable (officials): a fuzzy or partial match
    /// made only of them is not a leak.
    private let keepWords: Set<String>
    private let commonWords: CommonWords
    private let partialNames: Bool

    private var byFirstWord: [String: [(target: Int, form: Int)]] = [:]
    private var byJoined: [String: [Int]] = [:]
    private var byDigits: [String: [Int]] = [:]
    private var byDate: [String: [Int]] = [:]
    private var fuzzy = FuzzyNameIndex()
    private var bySurname: [String: [Int]] = [:]
    private var byGiven: [String: [Int]] = [:]
    /// Surnames of six letters or more under each of their one-deletion variants.
    private var bySurnameDeletion: [[UInt32]: [Int]] = [:]
    private var maxJoined = 0
    private var maxDigits = 0
    private var maxSurname = 0

    /// Courtesy titles and salutations after which a surname is a name even when it is also
    /// an ordinary word (`Dear Ms. Mire:`). Ranks are left out: `Sgt. Young` is an official.
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dear"]
    static let minimumOneEditLetters = 6
    /// A surname of three letters or fewer alone (`VAN`, `SON`, `Ng`) is found inside too much
    /// ordinary print to be searched for by itself; the redaction's sweep leaves it too.
    package static let minimumSurnameAlone = 4
    static let minimumFragment = 3

    /// - Parameters:
    ///   - keep: strings that must stay readable; see `keepWords`.
    ///   - partialNames: also look for fragments, surnames alone and one-edit surnames. Off
    ///     for searches that ask whether a whole string is there (a kept official's name).
    public init(
        _ targets: [LeakTarget], keep: [String] = [], partialNames: Bool = true,
        commonWords: CommonWords = .system
    ) {
        self.targets = targets
        self.commonWords = commonWords
        self.partialNames = partialNames
        keepWords = Set(keep.flatMap { TextTokens($0).words.map(\.text) })
        let patterns = targets.map { TargetPatterns($0, commonWords: commonWords) }
        self.patterns = patterns
        for (i, p) in patterns.enumerated() {
            for (f, form) in p.forms.enumerated() where !form.shapes.isEmpty {
                byFirstWord[form.shapes[0], default: []].append((i, f))
            }
            if let j = p.joined {
                byJoined[j, default: []].append(i)
                maxJoined = max(maxJoined, j.count)
            }
            for d in p.digits {
                byDigits[d, default: []].append(i)
                maxDigits = max(maxDigits, d.count)
            }
            for key in p.date?.keys ?? [] { byDate[key, default: []].append(i) }
            for f in p.fuzzy { fuzzy.add(f.letters, wordCount: f.wordCount, entry: i) }
            if partialNames, let name = p.name {
                bySurname[name.surname.shape, default: []].append(i)
                byGiven[name.given.shape, default: []].append(i)
                maxSurname = max(maxSurname, name.surname.shape.count)
                if name.surname.letters.count >= LeakMatcher.minimumOneEditLetters - 1 {
                    for key in LeakMatcher.deletions(name.surname.letters) {
                        bySurnameDeletion[key, default: []].append(i)
                    }
                }
            }
        }
    }

    public var isEmpty: Bool { targets.isEmpty }

    /// Every target found in `text`, once each, in the most literal form found.
    ///
    /// - Parameter document: the document the text belongs to (`REL.pdf`); a surname alone or a
    ///   word one edit from it is reported only for targets of that document. Nil: not at all.
    public func search(_ text: String, document: String? = nil) -> LeakSearchResult {
        guard !targets.isEmpty, !text.isEmpty else { return LeakSearchResult() }
        var search = Search(matcher: self, text: text, document: document)
        search.run()
        return search.result
    }

    /// The one-deletion variants of a letter sequence, and the sequence itself.
    static func deletions(_ letters: [UInt32]) -> Set<[UInt32]> {
        var out: Set<[UInt32]> = [letters]
        for i in letters.indices {
            var shorter = letters
            shorter.remove(at: i)
            out.insert(shorter)
        }
        return out
    }

    /// One search: the text's tokens and the best hit so far per target.
    private struct Search {
        let matcher: LeakMatcher
        let text: String
        let document: String?
        let tokens: TextTokens
        var best: [Int: (rank: Int, form: LeakForm, range: Range<String.Index>)] = [:]
        var ignoredKeep = Set<Int>()
        var ignoredOrdinary = Set<Int>()

        init(matcher: LeakMatcher, text: String, document: String?) {
            self.matcher = matcher
            self.text = text
            self.document = document
            tokens = TextTokens(text)
        }

        var words: [TextTokens.Word] { tokens.words }

        mutating func record(_ target: Int, _ form: LeakForm, _ first: Int, _ last: Int, rank: Int? = nil) {
            record(target, form, words[first].range.lowerBound..<words[last].range.upperBound, rank: rank)
        }

        mutating func record(_ target: Int, _ form: LeakForm, _ range: Range<String.Index>, rank: Int? = nil) {
            let rank = rank ?? form.rank * 2
            if let old = best[target], old.rank <= rank { return }
            best[target] = (rank, form, range)
        }

        var result: LeakSearchResult {
            var out = LeakSearchResult()
            for (target, hit) in best.sorted(by: { $0.key < $1.key }) where !isOutOfScopeWord(target) {
                let range = LeakMatcher.widenToWords(hit.range, in: text)
                let found = String(text[range])
                // A string copied as printed is an exact leak, however it was found.
                let form = found.lowercased() == matcher.targets[target].text.lowercased() ? .exact : hit.form
                out.hits.append(
                    LeakHit(target: target, type: matcher.targets[target].type, form: form, range: range, found: found))
            }
            out.ignoredKeepVariants = ignoredKeep.count
            out.ignoredOrdinaryWords = ignoredOrdinary.count
            return out
        }

        mutating func run() {
            searchWords()
            searchDates()
            searchDigits(literalOnly: true)
            searchJoined()
            searchDigits(literalOnly: false)
            searchFuzzy()
            if matcher.partialNames, !matcher.bySurname.isEmpty { searchPartialNames() }
        }

        /// Words in order: the string itself, a name turned round, a date spelled out.
        mutating func searchWords() {
            for i in words.indices {
                for (t, f) in matcher.byFirstWord[words[i].shape] ?? [] {
                    let p = matcher.patterns[t]
                    let form = p.forms[f]
                    let end = i + form.shapes.count
                    guard end <= words.count else { continue }
                    var same = true
                    for k in 1..<form.shapes.count where words[i + k].shape != form.shapes[k] {
                        same = false
                        break
                    }
                    guard same else { continue }
                    if p.needsCapital, !words[i].isCapitalized { continue }
                    var label = form.form
                    if label == .exact, words[i..<end].map(\.text).joined() != p.foldedJoined { label = .ocrVariant }
                    record(t, label, i, end - 1)
                }
            }
        }

        /// Three consecutive digit groups of one run that read as a date of birth.
        mutating func searchDates() {
            let groups = tokens.digitGroups
            guard !matcher.byDate.isEmpty, groups.count >= 3 else { return }
            for i in 0..<(groups.count - 2) where groups[i].run == groups[i + 2].run {
                for key in DateOfBirth.keys(groups[i].digits, groups[i + 1].digits, groups[i + 2].digits) {
                    for t in matcher.byDate[key] ?? [] {
                        record(t, .dateRendering, groups[i].range.lowerBound..<groups[i + 2].range.upperBound)
                    }
                }
            }
        }

        /// Digits across short separators of one run; OCR-read digits rank below a joined match.
        mutating func searchDigits(literalOnly: Bool) {
            let groups = tokens.digitGroups
            guard matcher.maxDigits > 0 else { return }
            for i in groups.indices {
                var joined = ""
                var literal = true
                var j = i
                while j < groups.count, groups[j].run == groups[i].run {
                    joined += groups[j].digits
                    literal = literal && groups[j].isLiteral
                    guard joined.count <= matcher.maxDigits, !literalOnly || literal else { break }
                    for t in matcher.byDigits[joined] ?? [] {
                        let rank = literal ? nil : LeakForm.joined.rank * 2 + 1
                        record(t, .digits, groups[i].range.lowerBound..<groups[j].range.upperBound, rank: rank)
                    }
                    j += 1
                }
            }
        }

        /// Words run together or split apart within one run.
        mutating func searchJoined() {
            guard matcher.maxJoined > 0 else { return }
            for i in words.indices {
                var joined = ""
                var folded = ""
                var j = i
                while j < words.count, words[j].run == words[i].run {
                    joined += words[j].shape
                    folded += words[j].text
                    guard joined.count <= matcher.maxJoined else { break }
                    for t in matcher.byJoined[joined] ?? [] {
                        let p = matcher.patterns[t]
                        // Printed as the string's own words: the words rule's call (it applies
                        // the capital rule and tells an OCR variant from an exact copy).
                        if p.hasWordForm, j - i + 1 == p.shapes.count,
                            zip(words[i...j], p.shapes).allSatisfy({ $0.shape == $1 })
                        {
                            continue
                        }
                        let isNumber = LeakTarget.numberTypes.contains(matcher.targets[t].type)
                        record(t, isNumber && folded == p.foldedJoined ? .digits : .joined, i, j)
                    }
                    j += 1
                }
            }
        }

        /// One OCR-like error over the whole name.
        mutating func searchFuzzy() {
            let words = self.words
            var accepted: [(Int, Int, Int)] = []
            var keep = Set<Int>()
            var ordinary = Set<Int>()
            matcher.fuzzy.search(words) { t, first, last in
                if words[first...last].allSatisfy({ matcher.keepWords.contains($0.text) }) {
                    keep.insert(t)
                    return false
                }
                let range = words[first].range.lowerBound..<words[last].range.upperBound
                if isOrdinary(first, last)
                    || LeakMatcher.breaksASentence(text[range], name: matcher.targets[t].text)
                {
                    ordinary.insert(t)
                    return false
                }
                accepted.append((t, first, last))
                return true
            }
            ignoredKeep.formUnion(keep)
            ignoredOrdinary.formUnion(ordinary)
            for (t, first, last) in accepted { record(t, .ocrVariant, first, last) }
        }

        /// Every word printed in lower case and an ordinary word.
        func isOrdinary(_ first: Int, _ last: Int) -> Bool {
            guard !matcher.commonWords.isEmpty else { return false }
            return words[first...last].allSatisfy { !$0.isCapitalized && matcher.commonWords.contains($0.text) }
        }

        func isKept(_ first: Int, _ last: Int) -> Bool {
            !matcher.keepWords.isEmpty && words[first...last].allSatisfy { matcher.keepWords.contains($0.text) }
        }

        /// A one-word name (a surname the redaction found alone, `Martinez` after `Dear Mr.`)
        /// names a private person only in the documents it was found in: elsewhere the same word
        /// is as likely another person, or an official (`Sgt. Martinez`). A text of no known
        /// document (a counts table) is searched for it everywhere.
        func isOutOfScopeWord(_ t: Int) -> Bool {
            let target = matcher.targets[t]
            guard document != nil, target.type == "person_name", let documents = target.documents, !documents.isEmpty,
                !target.text.contains(where: \.isWhitespace)
            else { return false }
            return !inScope(t)
        }

        func inScope(_ t: Int) -> Bool {
            guard let document, let documents = matcher.targets[t].documents else { return false }
            return documents.contains(document)
        }

        /// Fragments, surnames alone and one-edit surnames.
        mutating func searchPartialNames() {
            for i in words.indices {
                if i + 1 < words.count { searchFragments(i) }
                searchSurname(i)
                searchOneEdit(i)
            }
        }

        /// Two neighbouring words, one the surname (or the given name), the other a part of the
        /// rest: `borah Roush`, `Deb Roush`, `ROUSH, DEB`, `Deborah Rou`.
        mutating func searchFragments(_ i: Int) {
            let a = words[i]
            let b = words[i + 1]
            func isPart(_ piece: String, of whole: String, suffix: Bool) -> Bool {
                piece.count >= LeakMatcher.minimumFragment && piece.count < whole.count
                    && (suffix ? whole.hasSuffix(piece) : whole.hasPrefix(piece))
            }
            var found: [Int] = []
            for t in matcher.bySurname[b.shape] ?? [] {
                guard let name = matcher.patterns[t].name else { continue }
                if isPart(a.shape, of: name.given.shape, suffix: true)
                    || isPart(a.shape, of: name.given.shape, suffix: false)
                {
                    found.append(t)
                }
            }
            for t in matcher.bySurname[a.shape] ?? [] {
                guard let name = matcher.patterns[t].name else { continue }
                if isPart(b.shape, of: name.given.shape, suffix: false) { found.append(t) }
            }
            for t in matcher.byGiven[a.shape] ?? [] {
                guard let name = matcher.patterns[t].name else { continue }
                if isPart(b.shape, of: name.surname.shape, suffix: false) { found.append(t) }
            }
            for t in found {
                if isKept(i, i + 1) {
                    ignoredKeep.insert(t)
                } else if isOrdinary(i, i + 1) {
                    ignoredOrdinary.insert(t)
                } else {
                    record(t, .fragment, i, i + 1)
                }
            }
        }

        /// The surname alone, as one word or split by OCR into several of one run. An ordinary
        /// word (`Mire`) counts only in capitals or after a title.
        mutating func searchSurname(_ i: Int) {
            var joined = ""
            var j = i
            while j < words.count, words[j].run == words[i].run {
                joined += words[j].shape
                guard joined.count <= matcher.maxSurname else { break }
                for t in matcher.bySurname[joined] ?? [] where inScope(t) {
                    guard let name = matcher.patterns[t].name, joined.count >= LeakMatcher.minimumSurnameAlone else {
                        continue
                    }
                    if j > i, joined.count < TargetPatterns.minimumJoined { continue }
                    if isKept(i, j) {
                        ignoredKeep.insert(t)
                        continue
                    }
                    let afterTitle = i > 0 && LeakMatcher.titles.contains(words[i - 1].text)
                    if name.surnameIsCommon, !words[i].isAllCapitals, !afterTitle {
                        ignoredOrdinary.insert(t)
                        continue
                    }
                    if !words[i].isCapitalized, isOrdinary(i, j) {
                        ignoredOrdinary.insert(t)
                        continue
                    }
                    record(t, .surnameAlone, i, j)
                }
                j += 1
            }
        }

        /// A word of six letters or more one edit away from a surname (`Alvarcz`).
        mutating func searchOneEdit(_ i: Int) {
            let letters = TextTokens.letters(words[i].text)
            guard letters.count >= LeakMatcher.minimumOneEditLetters, !matcher.bySurnameDeletion.isEmpty else { return }
            var candidates = Set<Int>()
            for key in LeakMatcher.deletions(letters) { candidates.formUnion(matcher.bySurnameDeletion[key] ?? []) }
            for t in candidates where inScope(t) {
                guard let name = matcher.patterns[t].name, name.surname.letters != letters,
                    isWithinOneEdit(letters, name.surname.letters)
                else { continue }
                if isKept(i, i) {
                    ignoredKeep.insert(t)
                } else if isOrdinary(i, i) {
                    ignoredOrdinary.insert(t)
                } else {
                    record(t, .oneEdit, i, i)
                }
            }
        }
    }

    /// True when a one-word name is matched across the end of a clause, a punctuation mark
    /// followed by a space or line break ("Hi,\nHSI" for Hirsi): OCR splits a word with a space
    /// at most, it does not add a comma and a line break inside it.
    static func breaksASentence(_ text: Substring, name: String) -> Bool {
        guard !name.contains(where: { $0 == " " || $0 == "," }) else { return false }
        let chars = Array(text)
        guard chars.count >= 2 else { return false }
        for i in 0..<(chars.count - 1) where ",.;:!?".contains(chars[i]) && chars[i + 1].isWhitespace {
            return true
        }
        return false
    }

    /// The range grown to whole words, so a number found inside "C84922715X" is reported as
    /// that, not as "84922715".
    static func widenToWords(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        let scalars = text.unicodeScalars
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { TextTokens.isDigit(s) || TextTokens.isLetter(s) }
        var lower = range.lowerBound
        while lower > scalars.startIndex, isWordScalar(scalars[scalars.index(before: lower)]) {
            lower = scalars.index(before: lower)
        }
        var upper = range.upperBound
        while upper < scalars.endIndex, isWordScalar(scalars[upper]) { upper = scalars.index(after: upper) }
        return lower..<upper
    }
}
