import Foundation

/// A word list used to tell language from glyph garbage and poor OCR.
///
/// Loaded once per run and shared read-only between workers.
public struct WordList: Sendable {
    private let words: Set<String>

    public init(words: Set<String>) {
        self.words = words
    }

    /// Loads a one-word-a-line file, lower-cased; possessive forms are dropped as redundant.
    public static func load(path: String) throws -> WordList {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var set = Set<String>()
        set.reserveCapacity(120_000)
        for line in text.split(separator: "\n") {
            if line.hasSuffix("'s") { continue }
            set.insert(line.lowercased())
        }
        return WordList(words: set)
    }

    public var isEmpty: Bool { words.isEmpty }

    public func contains(_ word: String) -> Bool { words.contains(word) }
}

/// How much a text reads like language: the measures behind the OCR decision.
public struct TextQuality: Sendable, Equatable {
    /// Non-whitespace characters.
    public var characters: Int
    /// Letter-only tokens of two or more letters.
    public var wordTokens: Int
    /// Share of those tokens found in the word list.
    public var dictionaryRatio: Double
    /// Share of characters that are control, private-use, replacement or unassigned.
    public var badCharacterRatio: Double

    public init(text: String, wordList: WordList) {
        var chars = 0
        var bad = 0
        for s in text.unicodeScalars where !s.properties.isWhitespace {
            chars += 1
            switch s.properties.generalCategory {
            case .control, .privateUse, .unassigned, .surrogate, .format: bad += 1
            default: if s == "\u{FFFD}" { bad += 1 }
            }
        }
        var tokens = 0
        var known = 0
        for raw in text.split(whereSeparator: { $0.isWhitespace }) {
            let token = raw.trimmingCharacters(in: .punctuationCharacters.union(.symbols)).lowercased()
            let base = token.hasSuffix("'s") ? String(token.dropLast(2)) : token
            guard base.count >= 2, base.allSatisfy({ $0.isLetter && $0.isASCII }) else { continue }
            tokens += 1
            if wordList.contains(base) { known += 1 }
        }
        characters = chars
        wordTokens = tokens
        dictionaryRatio = tokens == 0 ? 0 : Double(known) / Double(tokens)
        badCharacterRatio = chars == 0 ? 0 : Double(bad) / Double(chars)
    }
}
