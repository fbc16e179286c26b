import Foundation

/// FOIA exemption codes printed on or beside an agency's redaction boxes.
///
/// Federal codes are `(b)(6)`, `(b)(7)(C)` and the like, often with OCR spacing
/// (`(b) (7)(C)`, `b6`); Illinois cites `7(1)(b)`. Codes are returned normalised
/// (`(b)(7)(C)`), unique, in order of first appearance.
public enum ExemptionCodes {
    private static let federal = try? NSRegularExpression(
        pattern: #"\(\s*b\s*\)\s*\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?"#)
    private static let state = try? NSRegularExpression(pattern: #"\b([1-9])\s*\(\s*(\d{1,2})\s*\)\s*\(\s*([a-z]{1,3})\s*\)"#)

    /// A word that may be part of a code (`(b)(6)`, `(b)`, `7(1)(b)`): a cheap pre-filter.
    ///
    /// It runs on every word of a page that prints a code, and Foundation's `contains` goes
    /// through NSString for each call; on an ASCII word the same answer is read off the bytes
    /// (only a "(" byte is a "(", only a "b)" pair is "b)", and an ASCII Character is a number
    /// only when it is a digit). Other words take Foundation's search as before.
    public static func mayBeCode(_ word: String) -> Bool {
        if let ascii = word.utf8.withContiguousStorageIfAvailable(asciiMayBeCode), let answer = ascii {
            return answer
        }
        return word.contains("(") && (word.contains("b)") || word.contains("B)") || word.first?.isNumber == true)
    }

    /// `mayBeCode` for ASCII bytes; nil for other bytes.
    private static func asciiMayBeCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var paren = false
        var bParen = false
        for i in 0..<bytes.count {
            let c = bytes[i]
            if c >= 0x80 { return nil }
            if c == UInt8(ascii: "(") { paren = true }
            if c == UInt8(ascii: ")") && i > 0 && (bytes[i - 1] == UInt8(ascii: "b") || bytes[i - 1] == UInt8(ascii: "B")) {
                bParen = true
            }
        }
        // A digit is a Character of its own whatever ASCII follows it.
        let digitFirst = bytes.count > 0 && bytes[0] >= UInt8(ascii: "0") && bytes[0] <= UInt8(ascii: "9")
        return paren && (bParen || digitFirst)
    }

    public static func find(in text: String) -> [String] {
        // Without a "(" byte there is no "(" to find (nothing else is canonically equivalent to
        // it): such a page needs no Foundation search.
        guard text.utf8.contains(UInt8(ascii: "(")), text.contains("(") else { return [] }
        var found: [(Int, String)] = []
        let range = NSRange(text.startIndex..., in: text)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        federal?.enumerateMatches(in: text, range: range) { m, _, _ in
            guard let m, let n = group(m, 1) else { return }
            let sub = group(m, 2).map { "(\($0.uppercased()))" } ?? ""
            found.append((m.range.location, "(b)(\(n))\(sub)"))
        }
        state?.enumerateMatches(in: text, range: range) { m, _, _ in
            guard let m, let a = group(m, 1), let b = group(m, 2), let c = group(m, 3) else { return }
            found.append((m.range.location, "\(a)(\(b))(\(c))"))
        }
        var seen = Set<String>()
        return found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
    }
}
