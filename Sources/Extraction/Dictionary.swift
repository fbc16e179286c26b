import Foundation

/// A word list used to tell language from glyph garbage and poor OCR.
///
/// Loaded once per run and shared read-only between workers.
///
/// Every run loads the list before its first page, about 100,000 words, and a `Set<String>`
/// of them took most of the start-up (hashing and inserting each word as a String, ~15 ms,
/// while no worker can start). ASCII words, nearly all of them, are kept as bytes with an
/// open-addressing table (`ASCIIWords`); the few others in a `Set<String>`. Lookups give
/// what the Set gave: String equality is canonical equivalence, so a non-ASCII word that is
/// canonically an ASCII one is kept (and looked up) as that ASCII word.
public struct WordList: Sendable {
    private let ascii: ASCIIWords
    private let others: Set<String>

    public init(words: Set<String>) {
        var keys = ASCIIWords.Keys()
        var others = Set<String>()
        for w in words { WordList.add(w, to: &keys, others: &others) }
        self.init(keys: keys, others: others)
    }

    private init(keys: ASCIIWords.Keys, others: Set<String>) {
        ascii = ASCIIWords(keys)
        self.others = others
    }

    /// Loads a one-word-a-line file, lower-cased; possessive forms are dropped as redundant.
    ///
    /// Lines are cut and lower-cased as bytes. A line with any non-ASCII byte goes through
    /// `String.hasSuffix` and `lowercased()` as before; for ASCII the byte operations give the
    /// same strings.
    public static func load(path: String) throws -> WordList {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        var keys = ASCIIWords.Keys()
        var others = Set<String>()
        text.withUTF8 { bytes in
            keys.reserve(words: 120_000, bytes: bytes.count)
            func take(_ lo: Int, _ hi: Int) {
                guard hi > lo else { return }  // `split` omits empty lines
                for i in lo..<hi where bytes[i] >= 0x80 {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
                    if !word.hasSuffix("'s") { add(word.lowercased(), to: &keys, others: &others) }
                    return
                }
                if hi - lo >= 2 && bytes[hi - 1] == UInt8(ascii: "s") && bytes[hi - 2] == UInt8(ascii: "'") { return }
                keys.append(UnsafeBufferPointer(rebasing: bytes[lo..<hi]), lowercasing: true)
            }
            var start = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\n") {
                take(start, i)
                start = i + 1
            }
            take(start, bytes.count)
        }
        return WordList(keys: keys, others: others)
    }

    private static func add(_ word: String, to keys: inout ASCIIWords.Keys, others: inout Set<String>) {
        if let key = asciiKey(word) {
            key.withUnsafeBufferPointer { keys.append($0, lowercasing: false) }
        } else {
            others.insert(word)
        }
    }

    /// The ASCII bytes of a word equal (as a String) to `word`, or nil when there are none:
    /// its own bytes when it is ASCII, else its canonical composition when that is ASCII and
    /// Swift agrees the two are equal.
    private static func asciiKey(_ word: String) -> [UInt8]? {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return Array(word.utf8) }
        let composed = word.precomposedStringWithCanonicalMapping
        guard composed.utf8.allSatisfy({ $0 < 0x80 }), composed == word else { return nil }
        return Array(composed.utf8)
    }

    public var isEmpty: Bool { count == 0 }

    /// Number of distinct words.
    public var count: Int { ascii.count + others.count }

    public func contains(_ word: String) -> Bool {
        var word = word
        if let found = word.withUTF8({ bytes in bytes.allSatisfy({ $0 < 0x80 }) ? ascii.contains(bytes) : nil }) {
            return found
        }
        if others.contains(word) { return true }
        return WordList.asciiKey(word).map { key in key.withUnsafeBufferPointer { ascii.contains($0) } } ?? false
    }

    /// `contains` for a word given as ASCII bytes.
    func contains(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool { ascii.contains(bytes) }
}

/// A set of byte strings with an open-addressing table, split into one small table per
/// bucket of first two bytes.
///
/// Building the table was one cache miss per word in a table of megabytes. A word list comes
/// sorted, so words that follow each other share their first bytes; with a table per bucket
/// of those, the words of a run go into a few kilobytes that stay in cache. A slot packs where
/// its word starts, its length and part of its hash, so a probe that meets another word
/// seldom reads the word itself.
private struct ASCIIWords: Sendable {
    /// Words to build from, in one buffer (duplicates allowed).
    struct Keys {
        var bytes: [UInt8] = []
        /// start << 8 | length of each word; longer words in `long`.
        var spans: [UInt64] = []
        var long: [[UInt8]] = []

        mutating func reserve(words: Int, bytes count: Int) {
            bytes.reserveCapacity(count)
            spans.reserveCapacity(words)
        }

        /// Appends the word, with A-Z lower-cased when `lowercasing`.
        mutating func append(_ word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) {
            let mask: UInt8 = lowercasing ? 0x20 : 0
            guard word.count < 256 else {
                long.append(word.map { $0 >= 65 && $0 <= 90 ? $0 | mask : $0 })
                return
            }
            spans.append(UInt64(bytes.count) << 8 | UInt64(word.count))
            for b in word { bytes.append(b >= 65 && b <= 90 ? b | mask : b) }
        }
    }

    private static let bucketBits = 10
    private let storage: [UInt8]
    /// 0 for an empty slot, else start << 24 | length << 16 | 16 bits of the hash.
    private let slots: [UInt64]
    /// Per bucket: its first slot << 32 | its slot count - 1 (a power of two less one).
    private let buckets: [UInt64]
    private let long: Set<[UInt8]>
    let count: Int

    init(_ keys: Keys) {
        storage = keys.bytes
        long = Set(keys.long)
        let bucketCount = 1 << ASCIIWords.bucketBits
        var sizes = [Int](repeating: 0, count: bucketCount)
        keys.bytes.withUnsafeBufferPointer { store in
            for span in keys.spans { sizes[ASCIIWords.bucket(ASCIIWords.word(span, store))] += 1 }
        }
        var buckets = [UInt64](repeating: 0, count: bucketCount)
        var total = 0
        for k in 0..<bucketCount {
            var size = 4
            while size < 2 * sizes[k] { size *= 2 }
            buckets[k] = UInt64(total) << 32 | UInt64(size - 1)
            total += size
        }
        var slots = [UInt64](repeating: 0, count: total)
        var unique = long.count
        keys.bytes.withUnsafeBufferPointer { store in
            slots.withUnsafeMutableBufferPointer { table in
                for span in keys.spans {
                    let word = ASCIIWords.word(span, store)
                    let h = ASCIIWords.hash(word)
                    let (i, found) = ASCIIWords.find(word, hash: h, in: UnsafeBufferPointer(table), store, buckets)
                    guard !found else { continue }
                    // Never 0: a word has a length or is the empty word, whose hash has high bits set.
                    table[i] = (span >> 8) << 24 | UInt64(word.count) << 16 | (h >> 48)
                    unique += 1
                }
            }
        }
        self.slots = slots
        self.buckets = buckets
        count = unique
    }

    @inline(__always)
    private static func word(_ span: UInt64, _ store: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let n = Int(span & 0xFF)
        guard n > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: store[Int(span >> 8)..<(Int(span >> 8) + n)])
    }

    @inline(__always)
    private static func bucket(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let a = word.count > 0 ? Int(word[0]) : 0
        let b = word.count > 1 ? Int(word[1]) : 0
        return (a &* 131 &+ b) & ((1 << bucketBits) - 1)
    }

    /// FNV-1a: short keys, and only the build and one lookup per token hash them.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The slot holding `bytes` (found) or the empty slot where it would go.
    @inline(__always)
    private static func find(
        _ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64, in table: UnsafeBufferPointer<UInt64>,
        _ store: UnsafeBufferPointer<UInt8>, _ buckets: [UInt64]
    ) -> (slot: Int, found: Bool) {
        let region = buckets[bucket(bytes)]
        let base = Int(region >> 32)
        let mask = Int(region & 0xFFFF_FFFF)
        let tag = UInt64(bytes.count) << 16 | (h >> 48)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = table[base + i]
            if entry == 0 { return (base + i, false) }
            if entry & 0xFF_FFFF == tag {
                let lo = Int(entry >> 24)
                if bytes.count == 0 || memcmp(store.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0 {
                    return (base + i, true)
                }
            }
            i = (i + 1) & mask
        }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 255 { return long.contains(Array(bytes)) }
        return storage.withUnsafeBufferPointer { store in
            slots.withUnsafeBufferPointer { table in
                ASCIIWords.find(bytes, hash: ASCIIWords.hash(bytes), in: table, store, buckets).found
            }
        }
    }
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
                // The token is ASCII letters and apostrophes.
                if token.withUnsafeBufferPointer({ wordList.contains(ascii: $0) }) { known += 1 }
            }
            i = end
        }
        characters = chars
        wordTokens = tokens
        dictionaryRatio = tokens == 0 ? 0 : Double(known) / Double(tokens)
        badCharacterRatio = chars == 0 ? 0 : Double(bad) / Double(chars)
    }
}
