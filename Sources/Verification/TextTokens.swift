import Foundation

/// A text cut into the pieces leaks are compared on: folded words and digit groups.
///
/// A *word* is a maximal stretch of letters and digits. Its `shape` is case- and
/// accent-folded with the characters OCR confuses most merged into one class (`0`/`o`,
/// `1`/`l`/`i`, `5`/`s`), so "L0PEZ" and "Lopez" compare equal; both sides of every comparison
/// are folded the same way, so the merge costs nothing on clean text.
///
/// A *digit group* is a stretch of digits inside a word that holds at least one real digit,
/// read with the reverse confusions (`o`→0, `l`/`i`→1, `s`→5), so "2O4" is 204. Words that are
/// close together (at most three separator characters, a whitespace run counting as one)
/// form a *run*; digit groups are only joined within a run, and a word without digits breaks
/// it, which keeps a nine-digit needle from being assembled out of unrelated numbers.
struct TextTokens {
    struct WordToken {
        var shape: String
        /// The word as printed begins with a capital letter (or a digit).
        var isCapitalized: Bool
        var run: Int
    }

    struct DigitGroup {
        var digits: String
        var run: Int
    }

    private(set) var words: [WordToken] = []
    private(set) var digitGroups: [DigitGroup] = []

    static let maxSeparator = 3

    init(_ text: String) {
        var current = String.UnicodeScalarView()
        var separator = 0
        var inWhitespace = false
        var wordRun = 0
        var digitRun = 0
        var lastWordHadDigits = false

        func close() {
            guard !current.isEmpty else { return }
            let printed = String(current)
            current = String.UnicodeScalarView()
            if !words.isEmpty, separator > TextTokens.maxSeparator { wordRun += 1 }
            let folded = TextTokens.fold(printed)
            let first = printed.unicodeScalars.first
            let capitalized = first.map { $0.properties.isUppercase || TextTokens.isDigit($0) } ?? false
            words.append(WordToken(shape: TextTokens.shape(folded), isCapitalized: capitalized, run: wordRun))
            let groups = TextTokens.digitGroups(folded)
            if groups.isEmpty {
                lastWordHadDigits = false
            } else {
                if !lastWordHadDigits || separator > TextTokens.maxSeparator { digitRun += 1 }
                for g in groups { digitGroups.append(DigitGroup(digits: g, run: digitRun)) }
                lastWordHadDigits = true
            }
            separator = 0
            inWhitespace = false
        }

        for s in text.unicodeScalars {
            if TextTokens.isDigit(s) || s.properties.isAlphabetic {
                current.append(s)
                continue
            }
            close()
            if s.properties.isWhitespace {
                if !inWhitespace { separator += 1 }
                inWhitespace = true
            } else {
                separator += 1
                inWhitespace = false
            }
        }
        close()
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Lower-cased, accents removed.
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The folded word with OCR-confusable characters merged (see the type's comment).
    static func shape(_ folded: String) -> String {
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

    /// Digit groups of a folded word; a group made only of confusable letters ("so" in
    /// "so12") is a word, not a number, and is left out.
    static func digitGroups(_ folded: String) -> [String] {
        guard folded.unicodeScalars.contains(where: isDigit) else { return [] }
        var groups: [String] = []
        var current = ""
        var hasRealDigit = false
        func flush() {
            if hasRealDigit { groups.append(current) }
            current = ""
            hasRealDigit = false
        }
        for s in folded.unicodeScalars {
            switch s {
            case "0"..."9":
                current.append(Character(s))
                hasRealDigit = true
            case "o": current.append("0")
            case "l", "i": current.append("1")
            case "s": current.append("5")
            default: flush()
            }
        }
        flush()
        return groups
    }
}
