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
    ///
    /// Every run loads the list before its first page (about 100,000 lines, half the start-up
    /// time when done Character by Character), so lines are cut and lower-cased as bytes. A
    /// line with any non-ASCII byte goes through `String.hasSuffix` and `lowercased()` as
    /// before; for ASCII the byte operations give the same strings.
    public static func load(path: String) throws -> WordList {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        var set = Set<String>()
        set.reserveCapacity(120_000)
        text.withUTF8 { bytes in
            var line: [UInt8] = []
            line.reserveCapacity(64)
            func take(_ lo: Int, _ hi: Int) {
                guard hi > lo else { return }  // `split` omits empty lines
                line.removeAll(keepingCapacity: true)
                for i in lo..<hi {
                    let b = bytes[i]
                    guard b < 0x80 else {
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
                        if !word.hasSuffix("'s") { set.insert(word.lowercased()) }
                        return
                    }
                    line.append(b >= 65 && b <= 90 ? b | 0x20 : b)
                }
                if hi - lo >= 2 && bytes[hi - 1] == UInt8(ascii: "s") && bytes[hi - 2] == UInt8(ascii: "'") { return }
                set.insert(String(decoding: line, as: UTF8.self))
            }
            var start = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
                take(start, i)
                start = i + 1
            }
            take(start, bytes.count)
        }
        return WordList(words: set)
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Number of distinct words.
    public var count: Int { words.count }

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
        var text = text
        // This runs on every page. The measures are defined by the Character-level code below;
        // one pass over the UTF-8 bytes gives the same numbers unless a space joins a
        // neighbouring scalar into one Character or the text has a carriage return, and then
        // the code below runs.
        self = text.withUTF8({ TextQuality(utf8: $0, wordList: wordList) })
            ?? TextQuality(characterLevel: text, wordList: wordList)
    }

    /// The measures as defined, on Characters and scalars; public so tests can hold the byte
    /// path to it.
    public init(characterLevel text: String, wordList: WordList) {
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
        // Words are runs of ASCII letters between spaces, with edge punctuation dropped.
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
            while lo < hi && !TextQuality.isLetter(bytes[lo]) && bytes[lo] < 128 { lo += 1 }
            while hi > lo && !TextQuality.isLetter(bytes[hi - 1]) && bytes[hi - 1] < 128 { hi -= 1 }
            for b in bytes[lo..<hi] {
                if TextQuality.isLetter(b) {
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

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }

    /// The scalar starting at `i` of valid UTF-8 (a String's bytes), and its length in bytes.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[i])
        let value: UInt32
        let length: Int
        if b0 < 0x80 {
            value = b0
            length = 1
        } else if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            length = 3
        } else {
            value =
                (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The measures taken on bytes, or nil when the bytes cannot stand in for Characters.
    ///
    /// `split` on Characters cuts at a space, \n or \t that is a Character of its own. \n and \t
    /// always are (controls never join a neighbour, and a carriage return, which would join a
    /// following \n, sends the text to the Character path). A space is one unless the scalar
    /// after it extends it (a combining mark, a joiner) or the one before it is a prepended
    /// mark; both are non-ASCII, so only spaces next to non-ASCII scalars are checked, rarely.
    private init?(utf8 bytes: UnsafeBufferPointer<UInt8>, wordList: WordList) {
        let n = bytes.count
        for i in 0..<n {
            let b = bytes[i]
            if b == 0x0D { return nil }
            guard b == 0x20 else { continue }
            if i + 1 < n && bytes[i + 1] >= 0x80 {
                let next = TextQuality.scalar(in: bytes, at: i + 1)
                if String(String.UnicodeScalarView([" ", next.scalar])).count != 2 { return nil }
            }
            if i > 0 && bytes[i - 1] >= 0x80 {
                var start = i - 1
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let previous = TextQuality.scalar(in: bytes, at: start)
                if String(String.UnicodeScalarView([previous.scalar, " "])).count != 2 { return nil }
            }
        }
        var chars = 0
        var bad = 0
        var tokens = 0
        var known = 0
        var token: [UInt8] = []
        token.reserveCapacity(32)
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 {
                i += 1
                continue
            }
            // One token: up to the next space, \n or \t; its characters counted on the way.
            var hi = i
            while hi < n {
                let c = bytes[hi]
                if c == 0x20 || c == 0x0A || c == 0x09 { break }
                if c < 0x80 {
                    // ASCII whitespace (\v, \f here) is not counted; other controls are bad.
                    if !(c == 0x0B || c == 0x0C) {
                        chars += 1
                        if c < 0x20 || c == 0x7F { bad += 1 }
                    }
                    hi += 1
                } else {
                    let (s, length) = TextQuality.scalar(in: bytes, at: hi)
                    if !s.properties.isWhitespace {
                        chars += 1
                        switch s.properties.generalCategory {
                        case .control, .privateUse, .unassigned, .surrogate, .format: bad += 1
                        default: if s == "\u{FFFD}" { bad += 1 }
                        }
                    }
                    hi += length
                }
            }
            let end = hi
            var lo = i
            while lo < hi && !TextQuality.isLetter(bytes[lo]) && bytes[lo] < 128 { lo += 1 }
            while hi > lo && !TextQuality.isLetter(bytes[hi - 1]) && bytes[hi - 1] < 128 { hi -= 1 }
            token.removeAll(keepingCapacity: true)
            var valid = true
            for k in lo..<hi {
                let c = bytes[k]
                if TextQuality.isLetter(c) {
                    token.append(c | 0x20)
                } else if c == UInt8(ascii: "'") {
                    token.append(c)
                } else {
                    valid = false
                }
            }
            if token.count > 2 && token[token.count - 1] == UInt8(ascii: "s") && token[token.count - 2] == UInt8(ascii: "'") {
                token.removeLast(2)
            }
            if valid && token.count >= 2 {
                tokens += 1
                if wordList.contains(String(decoding: token, as: UTF8.self)) { known += 1 }
            }
            i = end
        }
        characters = chars
        wordTokens = tokens
        dictionaryRatio = tokens == 0 ? 0 : Double(known) / Double(tokens)
        badCharacterRatio = chars == 0 ? 0 : Double(bad) / Double(chars)
    }
}
