import Foundation

/// Ordinary lower-case English words, for the capital rule of `Needle`.
///
/// Only entries printed in lower case in the word list count: the list also carries names
/// ("Maria", "Lopez") with their capital, and those must stay searchable everywhere.
enum CommonWords {
    static let defaultPath = "/usr/share/dict/words"

    /// The words, or an empty set when the list is missing (every original is then searched
    /// without the capital rule: more reports, never fewer).
    static func load(path: String = defaultPath) -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var words = Set<String>()
        words.reserveCapacity(80_000)
        for line in text.split(separator: "\n") where line.first?.isLowercase == true {
            if line.allSatisfy({ $0.isLowercase && $0.isLetter }) { words.insert(String(line)) }
        }
        return words
    }
}
