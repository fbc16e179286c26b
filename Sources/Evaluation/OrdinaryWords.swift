import Foundation

/// The lower-case words of the system word list, for telling an OCR variant of a name from
/// ordinary prose.
///
/// OCR keeps a name's capital far more reliably than its letters, so a one-edit match whose
/// words all start in lower case and are all ordinary dictionary words ("comes" for Gomes,
/// "and rape" for Andrade) is prose, not a leak. Without the word list nothing is ignored.
enum OrdinaryWords {
    static let path = "/usr/share/dict/words"

    static let words: Set<String> = {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var out = Set<String>()
        for line in text.split(separator: "\n") where line.first?.isLowercase == true && !line.contains("'") {
            out.insert(String(line))
        }
        return out
    }()

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

    /// True when every word of `text` starts in lower case and is an ordinary word.
    static func areOrdinary(_ text: Substring) -> Bool {
        let parts = text.split(whereSeparator: { !$0.isLetter })
        guard !parts.isEmpty, !words.isEmpty else { return false }
        return parts.allSatisfy { $0.first?.isLowercase == true && words.contains(String($0)) }
    }
}
