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
    static func words(fromFile path: String) -> (common: Set<String>, ambiguous: Set<String>)? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var lower = Set<String>()
        var proper = Set<String>()
        lower.reserveCapacity(80_000)
        for line in text.split(separator: "\n") {
            guard let first = line.first, !line.hasSuffix("'s") else { continue }
            if first.isLowercase {
                lower.insert(foldWord(String(line)))
            } else if first.isUppercase {
                proper.insert(foldWord(String(line)))
            }
        }
        return (lower.subtracting(proper), lower.intersection(proper))
    }
}
