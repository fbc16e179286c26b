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

    /// True when every word of `text` starts in lower case and is an ordinary word.
    static func areOrdinary(_ text: Substring) -> Bool {
        let parts = text.split(whereSeparator: { !$0.isLetter })
        guard !parts.isEmpty, !words.isEmpty else { return false }
        return parts.allSatisfy { $0.first?.isLowercase == true && words.contains(String($0)) }
    }
}
