import Foundation

/// Case- and accent-folds a word for comparison (`ÁLVAREZ` → `alvarez`, `O’Brien` → `o'brien`).
func foldWord(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 < 128 }) { return s.lowercased() }
    return s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        .replacingOccurrences(of: "’", with: "'")
        .replacingOccurrences(of: "‐", with: "-")
}

/// What the name rules know about words: which are ordinary English, which are never names.
///
/// Loaded from `lexicon:` in the name rule file: a system word list (lower-case entries are
/// ordinary words, unless the list also has them capitalised as names) and lists of
/// words and phrases that look like names in police mail but are not (agencies, places, form
/// labels).
struct Lexicon: Sendable {
    /// Folded lower-case entries of the word list that it does not also have capitalised.
    var commonWords: Set<String> = []
    /// Folded entries the word list has both ways (`maria`/`Maria`, `rock`/`Rock`): words
    /// that are also names.
    var ambiguousWords: Set<String> = []
    /// Words the dictionary has only capitalised (`James`, `Deborah`, `Houston`): names of
    /// people and places, never ordinary words.
    var properNames: Set<String> = []
    /// Folded single words that are never part of a private person's name.
    var notNames: Set<String> = []
    /// Folded multi-word phrases that are never names (`el salvador`, `hyde park`).
    var notNamePhrases: Set<[String]> = []
    /// Words that are never names even after `Mr.` or `Name:` (pronouns, articles).
    var functionWords: Set<String> = []
    /// Lower-case words allowed inside a name (`de`, `van`, `dos`).
    var particles: Set<String> = []

    func isCommon(_ word: String) -> Bool { isCommon(folded: foldWord(WordToken.stripPossessive(word))) }
    func isNeverName(_ word: String) -> Bool { isNeverName(folded: foldWord(WordToken.stripPossessive(word))) }

    func isCommon(folded f: String) -> Bool { commonWords.contains(f) || functionWords.contains(f) }
    /// An ordinary word, also when it is a name as well (`rock`, `little`, `maria`).
    func isDictionaryWord(folded f: String) -> Bool { isCommon(folded: f) || ambiguousWords.contains(f) }
    func isProperName(folded f: String) -> Bool { properNames.contains(f) || ambiguousWords.contains(f) }
    func isNeverName(folded f: String) -> Bool { notNames.contains(f) || functionWords.contains(f) }

    func isParticle(_ word: String) -> Bool { particles.contains(word) }

    /// Whether the folded words starting at `index` begin a never-a-name phrase; returns its length.
    func neverNamePhrase(_ words: [String], at index: Int) -> Int? {
        for length in stride(from: min(4, words.count - index), through: 2, by: -1) {
            let slice = Array(words[index..<index + length])
            if notNamePhrases.contains(slice) { return length }
        }
        return nil
    }

    /// Reads a word list (one word a line): its lower-case entries, split into those it does
    /// not also have capitalised (ordinary words) and those it does (`maria` and `Maria`,
    /// `young` and `Young`: names as well as words).
    ///
    /// Every run reads the list (about 100,000 lines) before its first page; Character by
    /// Character that was 70 ms, half the run's start. Lines of ASCII bytes are classified and
    /// lower-cased as bytes, which for ASCII is what `isLowercase`, `isUppercase` and
    /// `foldWord` give; a line with any other byte goes the Character way, and so does a file
    /// with carriage returns (a Character there may span the line break).
    static func words(fromFile path: String) -> (common: Set<String>, ambiguous: Set<String>, proper: Set<String>)? {
        guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var lower = Set<String>()
        var proper = Set<String>()
        lower.reserveCapacity(80_000)
        func add(_ line: Substring) {
            guard let first = line.first, !line.hasSuffix("'s") else { return }
            if first.isLowercase {
                lower.insert(foldWord(String(line)))
            } else if first.isUppercase {
                proper.insert(foldWord(String(line)))
            }
        }
        if text.utf8.contains(13) {
            for line in text.split(separator: "\n") { add(line) }
            return (lower.subtracting(proper), lower.intersection(proper), proper.subtracting(lower))
        }
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var start = 0
            while start < bytes.count {
                var end = start
                var ascii = true
                while end < bytes.count, bytes[end] != 10 {
                    if bytes[end] >= 0x80 { ascii = false }
                    end += 1
                }
                defer { start = end + 1 }
                guard end > start else { continue }
                guard ascii else {
                    add(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
                    continue
                }
                if end - start >= 2, bytes[end - 2] == UInt8(ascii: "'"), bytes[end - 1] == UInt8(ascii: "s") { continue }
                let first = bytes[start]
                let isLower = first >= 97 && first <= 122
                guard isLower || (first >= 65 && first <= 90) else { continue }
                word.removeAll(keepingCapacity: true)
                for i in start..<end {
                    let b = bytes[i]
                    word.append(b >= 65 && b <= 90 ? b | 0x20 : b)
                }
                let folded = String(decoding: word, as: UTF8.self)
                if isLower { lower.insert(folded) } else { proper.insert(folded) }
            }
        }
        return (lower.subtracting(proper), lower.intersection(proper), proper.subtracting(lower))
    }
}
