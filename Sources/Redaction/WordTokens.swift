import Foundation
import TextPatterns

/// A run of letters in a text (with the apostrophes and hyphens inside names), and what
/// separates it from the word before.
///
/// Digits and underscores separate words here, so `BOP_ROSARIO.pdf` has the word `ROSARIO`
/// and `A045301219` has none worth a name.
struct WordToken: Sendable {
    var text: String
    var span: TextSpan
    /// The characters between the previous word and this one ("" for the first word).
    var gapBefore: String
    /// True when a digit touches the word on either side (`A045301219`, `C-11`).
    var touchesDigit: Bool
    /// The character right after the word, or nil at the end of the text.
    var next: Character?
    /// The word without its possessive ending, case- and accent-folded (see `foldWord`).
    var folded: String
    /// A capital after a small letter that no name prefix explains (`PowerEdge`).
    var hasOddCapitals: Bool

    var startsUpper: Bool { text.first?.isUppercase ?? false }
    var isAllUpper: Bool { text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase) }
    var isTitleCase: Bool { startsUpper && text.dropFirst().contains(where: \.isLowercase) }
    var gapHasNewline: Bool { gapBefore.contains("\n") }
    /// A single capital, as in an initial (`C.` or `C`).
    var isInitial: Bool { text.count == 1 && startsUpper }
    /// The word without a possessive ending (`Alvarez's` → `Alvarez`).
    var stem: String { WordToken.stripPossessive(text) }

    static func stripPossessive(_ s: String) -> String {
        for suffix in ["'s", "’s", "'S", "’S"] where s.hasSuffix(suffix) && s.count > suffix.count + 1 {
            return String(s.dropLast(suffix.count))
        }
        if (s.hasSuffix("'") || s.hasSuffix("’")) && s.count > 2 { return String(s.dropLast()) }
        return s
    }
}

enum WordTokenizer {
    static func isLetter(_ c: unichar) -> Bool {
        if c < 128 { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return CharacterSet.letters.contains(scalar)
    }

    static func isDigit(_ c: unichar) -> Bool { c >= 48 && c <= 57 }

    /// `d{1,2}[/.-]d{1,2}[/.-]dd` at `i`.
    static func startsDate(_ ns: PatternText, at i: Int, end: Int) -> Bool {
        var k = i
        for part in 0..<3 {
            let from = k
            while k < end, isDigit(ns.character(at: k)), k - from < 4 { k += 1 }
            let n = k - from
            guard part == 2 ? n >= 2 : (n >= 1 && n <= 2) else { return false }
            if part < 2 {
                guard k < end else { return false }
                let sep = ns.character(at: k)
                guard sep == 47 || sep == 46 || sep == 45 else { return false }
                k += 1
            }
        }
        return true
    }

    /// Apostrophes and hyphens that may sit inside a name.
    static func isJoiner(_ c: unichar) -> Bool { c == 39 || c == 0x2019 || c == 45 || c == 0x2010 || c == 0x2011 }

    static func tokenize(_ ns: PatternText, in range: TextSpan? = nil) -> [WordToken] {
        let start = range?.start ?? 0
        let end = range?.end ?? ns.length
        var tokens: [WordToken] = []
        var i = start
        var previousEnd = start
        while i < end {
            let c = ns.character(at: i)
            guard isLetter(c) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < end {
                let d = ns.character(at: j)
                if isLetter(d) {
                    j += 1
                } else if d == 48 || d == 49, j + 1 < end, isLetter(ns.character(at: j + 1)) {
                    // OCR's 0 for O and 1 for l inside a word (`Tz0C`, `A1varez`).
                    j += 1
                } else if isJoiner(d), j + 1 < end, isLetter(ns.character(at: j + 1)) {
                    j += 2
                } else if (d == 39 || d == 0x2019), j + 1 == end || !isLetter(ns.character(at: j + 1)),
                    j > i, ns.character(at: j - 1) == 115 || ns.character(at: j - 1) == 83
                {
                    // A trailing possessive apostrophe (`Jones'`).
                    j += 1
                    break
                } else {
                    break
                }
            }
            let before = i > start && isDigit(ns.character(at: i - 1))
            // A word run into a following date (`WALTER01/13/1983`, an OCR'd form row) is still a
            // word; run into other digits (`A12`, `B3`) it is part of a code.
            let after = j < end && isDigit(ns.character(at: j)) && !startsDate(ns, at: j, end: end)
            let nextChar: Character? =
                j < ns.length ? Character(Unicode.Scalar(ns.character(at: j)) ?? " ") : nil
            let text = ns.substring(with: NSRange(location: i, length: j - i))
            tokens.append(
                WordToken(
                    text: text, span: TextSpan(i, j),
                    gapBefore: ns.substring(with: NSRange(location: previousEnd, length: i - previousEnd)),
                    touchesDigit: before || after, next: nextChar, folded: WordToken.fold(text),
                    hasOddCapitals: NameParser.hasOddCapitals(text)))
            previousEnd = j
            i = j
        }
        return tokens
    }
}

extension WordToken {
    /// The folded form, with OCR's 0 and 1 inside a word read as o and l (`Tz0C` → `tzoc`).
    static func fold(_ text: String) -> String {
        let folded = foldWord(stripPossessive(text))
        guard folded.contains(where: { $0 == "0" || $0 == "1" }) else { return folded }
        return String(folded.map { $0 == "0" ? "o" : $0 == "1" ? "l" : $0 })
    }
}
