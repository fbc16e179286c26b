import Foundation

/// A text cut into the pieces leaks are compared on: words, digit groups, and runs.
///
/// A *word* is a maximal stretch of letters and digits. Its `text` is case- and accent-folded;
/// its `shape` is the folded text with the characters OCR confuses most merged into one class
/// (`0`/`o`, `1`/`l`/`i`, `5`/`s`), so "L0PEZ" and "Lopez" compare equal. Both sides of every
/// comparison are folded the same way, so the merge costs nothing on clean text, and a match
/// that needed it is told apart (`text` differs) and reported as an OCR variant.
///
/// A *digit group* is a stretch of digits inside a word that holds at least one real digit,
/// read with the reverse confusions (`o`→0, `l`/`i`→1, `s`→5), so "2O4" is 204; `isLiteral`
/// says no letter was read as a digit.
///
/// Neighbouring words form a *run* when what separates them is short (at most three
/// characters; a line break counts as one, so a name wrapped at a line end is joined).
/// Digit groups form runs under a stricter rule: the separator has no line break and no word
/// without digits, so "(617) 555-1234" is one run while numbers in different table columns or
/// on different lines, or "page 12 of 34", are not. A number is only ever matched within one
/// run and on group boundaries, which keeps a short needle from being assembled out of
/// unrelated numbers.
///
/// Redaction placeholders (`[PERSON-7F3A]`, `[DOB]`, see `PlaceholderMask`) are not words:
/// they are what redaction leaves behind, and they end every run.
package struct TextTokens {
    struct Word {
        /// Folded text.
        var text: String
        /// `text` with OCR-confusable characters merged.
        var shape: String
        /// Where the word is in the searched text.
        var range: Range<String.Index>
        var run: Int
        /// The word as printed begins with a capital letter (or a digit).
        var isCapitalized: Bool
        /// Every letter of the word as printed is a capital (and it has at least two).
        var isAllCapitals: Bool
    }

    struct DigitGroup {
        var digits: String
        /// No letter was read as a digit.
        var isLiteral: Bool
        var range: Range<String.Index>
        var run: Int
    }

    private(set) var words: [Word] = []
    private(set) var digitGroups: [DigitGroup] = []

    /// The longest separator that keeps two pieces in one run.
    static let maxSeparator = 3

    init(_ text: String) {
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var wordStart: String.Index?
        var wordRun = 0
        var digitRun = 0
        // What separated this word from the previous one: characters, a line break, a placeholder.
        var gap = 0
        var gapBreaksLine = false
        var barrier = false
        var lastWordHadDigits = false

        func close(at end: String.Index) {
            guard let start = wordStart else { return }
            wordStart = nil
            let printed = text[start..<end]
            let folded = TextTokens.fold(printed)
            if !words.isEmpty, barrier || gap > TextTokens.maxSeparator { wordRun += 1 }
            var upper = 0
            var lower = 0
            for s in printed.unicodeScalars {
                if s.properties.isUppercase { upper += 1 } else if s.properties.isLowercase { lower += 1 }
            }
            let first = printed.unicodeScalars.first
            let capitalized = first.map { $0.properties.isUppercase || TextTokens.isDigit($0) } ?? false
            words.append(
                Word(
                    text: folded, shape: TextTokens.shape(folded), range: start..<end, run: wordRun,
                    isCapitalized: capitalized, isAllCapitals: upper >= 2 && lower == 0))
            let groups = TextTokens.digitGroups(printed, folded: folded)
            if groups.isEmpty {
                lastWordHadDigits = false
            } else {
                if !lastWordHadDigits || barrier || gapBreaksLine || gap > TextTokens.maxSeparator { digitRun += 1 }
                for (k, g) in groups.enumerated() {
                    // Groups inside one word ("12ab34") are separated by letters: one run only
                    // when the letters are few, as for separators.
                    if k > 0, g.gapBefore > TextTokens.maxSeparator { digitRun += 1 }
                    digitGroups.append(
                        DigitGroup(digits: g.digits, isLiteral: g.isLiteral, range: g.range, run: digitRun))
                }
                lastWordHadDigits = true
            }
            gap = 0
            gapBreaksLine = false
            barrier = false
        }

        while i < scalars.endIndex {
            let s = scalars[i]
            if TextTokens.isDigit(s) || TextTokens.isLetter(s) {
                if wordStart == nil { wordStart = i }
                scalars.formIndex(after: &i)
                continue
            }
            close(at: i)
            if let end = PlaceholderMask.end(in: scalars, from: i) {
                barrier = true
                i = end
                continue
            }
            let isBreak = s.value == 10 || s.value == 13 || s.value == 12
            if isBreak {
                // A line break counts once, with the spaces that indent the next line.
                if !gapBreaksLine { gap += 1 }
                gapBreaksLine = true
            } else if !(gapBreaksLine && s.properties.isWhitespace) {
                gap += 1
            }
            scalars.formIndex(after: &i)
        }
        close(at: scalars.endIndex)
    }

    package static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    /// Lower-cased, accents removed; ASCII takes a fast path, as almost all text here is ASCII.
    package static func fold<S: StringProtocol>(_ word: S) -> String {
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.lowercased() }
        return String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The folded word with OCR-confusable characters merged (see the type's comment).
    static func shape(_ folded: String) -> String {
        guard folded.utf8.contains(where: { $0 == 48 || $0 == 49 || $0 == 53 || $0 == 105 }) else { return folded }
        var out = String.UnicodeScalarView()
        for s in folded.unicodeScalars {
            switch s {
            case "0": out.append("o")
            case "1", "i": out.append("l")
            case "5": out.append("s")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// The folded letters of a word (digits and marks dropped), as scalar values.
    static func letters(_ word: String) -> [UInt32] {
        word.unicodeScalars.filter { $0.properties.isAlphabetic }.map(\.value)
    }

    /// Digit groups of a word: stretches of digits and digit-like letters holding at least one
    /// real digit; a stretch made only of confusable letters ("so") is a word, not a number.
    private static func digitGroups(_ printed: Substring, folded: String)
        -> [(digits: String, isLiteral: Bool, range: Range<String.Index>, gapBefore: Int)]
    {
        guard printed.unicodeScalars.contains(where: isDigit) else { return [] }
        // Folding only lower-cases ASCII letters here (a word with digits is almost always
        // ASCII); read the printed scalars so the ranges stay in the searched text.
        var out: [(digits: String, isLiteral: Bool, range: Range<String.Index>, gapBefore: Int)] = []
        var current = ""
        var start: String.Index?
        var hasRealDigit = false
        var literal = true
        var gap = 0
        let scalars = printed.unicodeScalars
        var i = scalars.startIndex
        func flush(_ end: String.Index) {
            if hasRealDigit, let start {
                out.append((current, literal, start..<end, gap))
                gap = 0
            }
            current = ""
            start = nil
            hasRealDigit = false
            literal = true
        }
        while i < scalars.endIndex {
            let s = scalars[i]
            var digit: Character?
            switch s {
            case "0"..."9":
                digit = Character(s)
                hasRealDigit = true
            case "o", "O": digit = "0"
            case "l", "i", "I": digit = "1"
            case "s", "S": digit = "5"
            default: break
            }
            if let digit {
                if start == nil { start = i }
                current.append(digit)
                if !isDigit(s) { literal = false }
            } else {
                flush(i)
                gap += 1
            }
            scalars.formIndex(after: &i)
        }
        flush(scalars.endIndex)
        return out
    }
}
