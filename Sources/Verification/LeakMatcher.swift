/// Finds audited originals in a piece of public text.
///
/// Built once from all needles and shared read-only by every worker; one search is linear in
/// the text (each route looks its candidates up in a dictionary), so a dump with many
/// thousands of originals costs no more per page than one with ten.
struct LeakMatcher: Sendable {
    /// How an original was recognised.
    enum Route: String, Sendable {
        /// Its words in order (or a name turned round, or a date spelled out).
        case words
        /// Its words run together or split apart.
        case joined
        /// Its digits across other separators or OCR confusions.
        case digits
        /// A date of birth in another numeric format.
        case date
    }

    struct Hit: Sendable, Hashable {
        var needle: Int
        var route: Route
    }

    private struct Form: Sendable {
        var needle: Int
        var words: [String]
    }

    let needles: [Needle]
    private var byFirstWord: [String: [Form]] = [:]
    private var byJoined: [String: [Int]] = [:]
    private var byDigits: [String: [Int]] = [:]
    private var byDate: [String: [Int]] = [:]
    private var maxJoined = 0
    private var maxDigits = 0

    init(_ needles: [Needle]) {
        self.needles = needles
        for (i, n) in needles.enumerated() {
            for form in n.forms where !form.isEmpty {
                byFirstWord[form[0], default: []].append(Form(needle: i, words: form))
            }
            if let j = n.joined {
                byJoined[j, default: []].append(i)
                maxJoined = max(maxJoined, j.count)
            }
            for d in n.digits {
                byDigits[d, default: []].append(i)
                maxDigits = max(maxDigits, d.count)
            }
            for key in n.date?.keys ?? [] { byDate[key, default: []].append(i) }
        }
    }

    var isEmpty: Bool { needles.isEmpty }

    /// Every needle found in `text`, once each, by the most literal route that finds it.
    func search(_ text: String) -> [Hit] {
        guard !needles.isEmpty, !text.isEmpty else { return [] }
        let tokens = TextTokens(PlaceholderMask.apply(text))
        var found: [Int: Route] = [:]
        let words = tokens.words

        for i in words.indices {
            for form in byFirstWord[words[i].shape] ?? [] where found[form.needle] == nil {
                let end = i + form.words.count
                guard end <= words.count else { continue }
                var same = true
                for k in 1..<form.words.count where words[i + k].shape != form.words[k] {
                    same = false
                    break
                }
                guard same else { continue }
                if needles[form.needle].needsCapital, !words[i].isCapitalized { continue }
                found[form.needle] = .words
            }
        }
        if maxJoined > 0 {
            for i in words.indices {
                var joined = ""
                var j = i
                while j < words.count, words[j].run == words[i].run {
                    joined += words[j].shape
                    guard joined.count <= maxJoined else { break }
                    for n in byJoined[joined] ?? [] where found[n] == nil {
                        // One printed word equal to a one-word original is the words route's
                        // call (it applies the capital rule).
                        if j == i, needles[n].forms[0].count == 1 { continue }
                        found[n] = .joined
                    }
                    j += 1
                }
            }
        }
        let groups = tokens.digitGroups
        if maxDigits > 0 {
            for i in groups.indices {
                var joined = ""
                var j = i
                while j < groups.count, groups[j].run == groups[i].run {
                    joined += groups[j].digits
                    guard joined.count <= maxDigits else { break }
                    for n in byDigits[joined] ?? [] where found[n] == nil { found[n] = .digits }
                    j += 1
                }
            }
        }
        if !byDate.isEmpty, groups.count >= 3 {
            for i in 0..<(groups.count - 2) where groups[i].run == groups[i + 2].run {
                for key in DateOfBirth.keys(groups[i].digits, groups[i + 1].digits, groups[i + 2].digits) {
                    for n in byDate[key] ?? [] where found[n] == nil { found[n] = .date }
                }
            }
        }
        return found.map { Hit(needle: $0.key, route: $0.value) }.sorted { $0.needle < $1.needle }
    }
}
