/// Finds word sequences whose letters are within one edit of a name's letters.
///
/// Comparing every window of a long text with every name is too slow for a dump of
/// thousands of pages, so names are indexed by halves: if two strings are within one edit,
/// either the first ⌊n/2⌋ letters of the name are unchanged at the start of the other, or
/// its last n − ⌊n/2⌋ − 1 letters are unchanged at the end (the edit falls in one half). A
/// window is checked only against names sharing one of those halves, then verified.
struct FuzzyNameIndex: Sendable {
    private struct Name: Sendable {
        var letters: [UInt32]
        var wordCount: Int
        var entry: Int
    }

    private var names: [Name] = []
    private var byHalf: [HalfKey: [Int]] = [:]
    private var lengths = Set<Int>()
    private var maxWords = 0

    private struct HalfKey: Hashable, Sendable {
        var length: Int
        var isPrefix: Bool
        var letters: ArraySlice<UInt32>
    }

    mutating func add(_ letters: [UInt32], wordCount: Int, entry: Int) {
        let index = names.count
        names.append(Name(letters: letters, wordCount: wordCount, entry: entry))
        let n = letters.count
        let (head, tail) = FuzzyNameIndex.halves(n)
        byHalf[HalfKey(length: n, isPrefix: true, letters: letters[0..<head]), default: []].append(index)
        byHalf[HalfKey(length: n, isPrefix: false, letters: letters[(n - tail)...]), default: []].append(index)
        lengths.insert(n)
        maxWords = max(maxWords, wordCount + 1)
    }

    private static func halves(_ n: Int) -> (head: Int, tail: Int) { (n / 2, n - n / 2 - 1) }

    /// Calls `visit` with each name and window of words (first and last index) within one edit
    /// of it. `visit` returns true to accept the match: the name is then not looked for again.
    /// A rejected match (an official's name, an ordinary word) lets the search for that name go
    /// on, so an official printed near a leak cannot hide it.
    func search(_ words: [TextTokens.Word], visit: (_ entry: Int, _ first: Int, _ last: Int) -> Bool) {
        guard !names.isEmpty else { return }
        let wordLetters = words.map { TextTokens.letters($0.text) }
        var accepted = Set<Int>()
        for start in words.indices where !wordLetters[start].isEmpty {
            var window: [UInt32] = []
            for size in 1...maxWords {
                let end = start + size - 1
                guard end < words.count else { break }
                window += wordLetters[end]
                for index in candidates(window) where !accepted.contains(names[index].entry) {
                    let name = names[index]
                    guard abs(size - name.wordCount) <= 1, isWithinOneEdit(window, name.letters) else { continue }
                    if visit(name.entry, start, end) { accepted.insert(name.entry) }
                }
            }
        }
    }

    private func candidates(_ window: [UInt32]) -> Set<Int> {
        var out = Set<Int>()
        let w = window.count
        for n in (w - 1)...(w + 1) where lengths.contains(n) {
            let (head, tail) = FuzzyNameIndex.halves(n)
            if head <= w { out.formUnion(byHalf[HalfKey(length: n, isPrefix: true, letters: window[0..<head])] ?? []) }
            if tail <= w {
                out.formUnion(byHalf[HalfKey(length: n, isPrefix: false, letters: window[(w - tail)...])] ?? [])
            }
        }
        return out
    }
}
