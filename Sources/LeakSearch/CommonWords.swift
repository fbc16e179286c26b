import Foundation

/// The ordinary lower-case English words of the system word list.
///
/// Two rules of `LeakMatcher` need them. A one-word string that is an ordinary word ("hope",
/// "young") only counts where it is printed with a capital, as a name or a street is. And a
/// partial or one-edit match whose words all start in lower case and are all ordinary words
/// ("comes" for Gomes, "and rape" for Andrade, "mire" for Mire) is prose, not a leak: OCR
/// keeps a name's capital far more reliably than its letters.
///
/// Only entries printed in lower case in the list count: the list also carries names
/// ("Maria", "Lopez") with their capital, and those must stay searchable everywhere. Without
/// the list nothing is ignored: more reports, never fewer.
public struct CommonWords: Sendable {
    public static let defaultPath = "/usr/share/dict/words"

    /// The system list, read once on first use.
    public static let system = CommonWords(path: defaultPath)

    let words: Set<String>

    public init(words: Set<String>) {
        self.words = words
    }

    /// Reads a one-word-a-line list; a missing file gives the empty list.
    public init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            words = []
            return
        }
        var words = Set<String>()
        words.reserveCapacity(80_000)
        for line in text.split(separator: "\n") where line.first?.isLowercase == true {
            if line.allSatisfy({ $0.isLowercase && $0.isLetter }) { words.insert(TextTokens.fold(line)) }
        }
        self.words = words
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ folded: String) -> Bool { words.contains(folded) }
}
