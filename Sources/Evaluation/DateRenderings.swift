/// The ways a date of birth is commonly printed, so a leak in another format is still found.
///
/// A truth date "03/04/1987" may appear in the output as "3/4/87", "1987-03-04", "03041987"
/// or "March 4, 1987". The date is read once from the truth text (month/day/year, or
/// year-month-day when the first number has four digits, or with a month name), then
/// rendered in each form.
struct DateRenderings {
    /// Digit groups that must appear as consecutive groups of one run: [3, 4, 87].
    var groups: [[String]] = []
    /// Digit strings matched across separators: "03041987".
    var compact: [String] = []
    /// Word sequences: ["march", "4", "1987"].
    var words: [[String]] = []

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Nil when the text is not a date this can read.
    init?(_ text: String) {
        guard let (year, month, day) = DateRenderings.parse(text) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yyyy = String(year)
        let yy = pad(year % 100)
        let (mm, m, dd, d) = (pad(month), String(month), pad(day), String(day))
        var groupForms = [[mm, dd, yyyy], [m, d, yyyy], [mm, dd, yy], [m, d, yy], [yyyy, mm, dd], [yyyy, m, d]]
        groupForms = groupForms.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        groups = groupForms
        compact = [mm + dd + yyyy, yyyy + mm + dd]
        let name = DateRenderings.monthNames[month - 1]
        let short = String(name.prefix(3))
        var wordForms = [[name, d, yyyy], [name, dd, yyyy], [short, d, yyyy], [d, name, yyyy], [d, short, yyyy]]
        if month == 9 { wordForms.append(["sept", d, yyyy]) }
        words = wordForms.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Year, month and day of a printed date, or nil.
    static func parse(_ text: String) -> (Int, Int, Int)? {
        let tokens = TextTokens(text).words.map(\.text)
        if let monthIndex = tokens.firstIndex(where: { monthNumber($0) != nil }),
            let month = monthNumber(tokens[monthIndex])
        {
            let numbers = tokens.enumerated().filter { $0.offset != monthIndex }.compactMap { Int($0.element) }
            guard let year = numbers.first(where: { $0 >= 1000 }),
                let day = numbers.first(where: { (1...31).contains($0) })
            else { return nil }
            return (year, month, day)
        }
        if tokens.count == 1, let only = tokens.first, only.count == 8, only.allSatisfy(\.isASCII),
            let value = Int(only)
        {
            let yearFirst = only.hasPrefix("19") || only.hasPrefix("20")
            let (year, month, day) =
                yearFirst
                ? (value / 10000, value / 100 % 100, value % 100)
                : (value % 10000, value / 1_000_000, value / 10000 % 100)
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return (year, month, day)
        }
        let numbers = tokens.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let first = tokens.first ?? ""
        var (year, month, day) =
            first.count == 4 ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[0], numbers[1])
        if year < 100 { year += year > 30 ? 1900 : 2000 }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word == "sept" { return 9 }
        return monthNames.firstIndex { $0 == word || $0.prefix(3) == word }.map { $0 + 1 }
    }
}
