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
        // Words are runs of ASCII letters between spaces, with edge punctuation dropped: this
        // runs on every page, so it works on bytes rather than Characters.
        var token: [UInt8] = []
        var valid = true
        func finish() {
            defer {
                token.removeAll(keepingCapacity: true)
                valid = true
            }
            // Trailing possessive 's.
            if token.count > 2 && token[token.count - 1] == UInt8(ascii: "s") && token[token.count - 2] == UInt8(ascii: "'") {
                token.removeLast(2)
            }
            guard valid, token.count >= 2 else { return }
            tokens += 1
            if wordList.contains(String(decoding: token, as: UTF8.self)) { known += 1 }
        }
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let bytes = Array(raw.utf8)
            var lo = 0
            var hi = bytes.count
            func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
            while lo < hi && !isLetter(bytes[lo]) && bytes[lo] < 128 { lo += 1 }
            while hi > lo && !isLetter(bytes[hi - 1]) && bytes[hi - 1] < 128 { hi -= 1 }
            for b in bytes[lo..<hi] {
                if isLetter(b) {
                    token.append(b | 0x20)
                } else if b == UInt8(ascii: "'") {
                    token.append(b)
                } else {
                    valid = false
                }
            }
            finish()
        }
        characters = chars
        wordTokens = tokens
        dictionaryRatio = tokens == 0 ? 0 : Double(known) / Double(tokens)
        badCharacterRatio = chars == 0 ? 0 : Double(bad) / Double(chars)
    }
}
