import Foundation

/// A text cut into the pieces the leak search compares: words, digit groups, and runs.
///
/// A *word* is a maximal stretch of letters and digits, case- and accent-folded. A *digit
/// group* is a maximal stretch of ASCII digits. Consecutive words or digit groups belong to
/// the same *run* when what separates them is short (at most three characters) and has no
/// line break: "(617) 555-1234" is one run of three groups, while two numbers in different
/// table columns or on different lines are not. A number is only ever matched within one run
/// and on group boundaries, which keeps a short needle from being found in the concatenation
/// of unrelated numbers.
struct TextTokens {
    struct Token {
        /// The folded text (for digit groups, the digits).
        var text: String
        /// Where the token is in the original text.
        var range: Range<String.Index>
        var run: Int
    }

    var words: [Token] = []
    var digitGroups: [Token] = []

    /// The longest separator that keeps two pieces in one run.
    static let maxSeparator = 3

    init(_ text: String) {
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var wordStart: String.Index?
        var digitStart: String.Index?
        var wordRun = 0
        var digitRun = 0
        // Separator since the last word / digit group ended: its length and whether it broke a line.
        var wordGap = (length: 0, breaks: false)
        var digitGap = (length: 0, breaks: false)

        func closeWord(at end: String.Index) {
            guard let start = wordStart else { return }
            if !words.isEmpty, wordGap.breaks || wordGap.length > TextTokens.maxSeparator { wordRun += 1 }
            words.append(Token(text: TextTokens.fold(text[start..<end]), range: start..<end, run: wordRun))
            wordStart = nil
            wordGap = (0, false)
        }
        func closeDigits(at end: String.Index) {
            guard let start = digitStart else { return }
            if !digitGroups.isEmpty, digitGap.breaks || digitGap.length > TextTokens.maxSeparator { digitRun += 1 }
            digitGroups.append(Token(text: String(text[start..<end]), range: start..<end, run: digitRun))
            digitStart = nil
            digitGap = (0, false)
        }

        while i < scalars.endIndex {
            let s = scalars[i]
            let isDigit = s.value >= 48 && s.value <= 57
            let isWordScalar = isDigit || TextTokens.isLetter(s)
            let isBreak = s.value == 10 || s.value == 13 || s.value == 12
            if isDigit {
                if digitStart == nil { digitStart = i }
            } else {
                closeDigits(at: i)
                digitGap.length += 1
                if isBreak { digitGap.breaks = true }
            }
            if isWordScalar {
                if wordStart == nil { wordStart = i }
            } else {
                closeWord(at: i)
                wordGap.length += 1
                if isBreak { wordGap.breaks = true }
            }
            scalars.formIndex(after: &i)
        }
        closeDigits(at: scalars.endIndex)
        closeWord(at: scalars.endIndex)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
        }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    /// Lower-case without accents; ASCII takes a fast path, as almost all text here is ASCII.
    static func fold(_ s: Substring) -> String {
        if s.utf8.allSatisfy({ $0 < 128 }) { return s.lowercased() }
        return String(s).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The folded letters of a word (digits and marks dropped), as scalar values.
    static func letters(_ word: String) -> [UInt32] {
        word.unicodeScalars.filter { $0.properties.isAlphabetic }.map(\.value)
    }
}
