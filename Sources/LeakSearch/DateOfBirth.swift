/// A date of birth read from an audited original, and the ways it may be printed again.
///
/// A date leaks in another format as easily as in its own ("3/14/85" for "03/14/1985",
/// "March 14, 1985"), so a date original is matched by its value: any three consecutive
/// digit groups that read as the same month, day and year (m/d/y, y-m-d or d/m/y), and the
/// month-name forms as words.
struct DateOfBirth: Hashable, Sendable {
    var month: Int
    var day: Int
    /// The years it may stand for: one for a four-digit year, 19yy and 20yy for a two-digit one.
    var years: [Int]

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Reads `03/14/1985`, `3-14-85`, `1985-03-14`, `March 14, 1985`, `14 Mar 1985`, `03141985`,
    /// `19850314`; nil otherwise.
    init?(_ original: String) {
        var parts = TextTokens.fold(original).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if parts.count == 1, let only = parts.first, only.count == 8, only.allSatisfy(\.isASCII), Int(only) != nil {
            let yearFirst = only.hasPrefix("19") || only.hasPrefix("20")
            let chars = Array(only)
            func cut(_ a: Int, _ b: Int) -> String { String(chars[a..<b]) }
            parts = yearFirst ? [cut(0, 4), cut(4, 6), cut(6, 8)] : [cut(0, 2), cut(2, 4), cut(4, 8)]
        }
        guard parts.count == 3 else { return nil }
        let monthIndex = parts.firstIndex { DateOfBirth.month(named: $0) != nil }
        var month: Int
        var day: Int
        var yearText: String
        if let m = monthIndex, let named = DateOfBirth.month(named: parts[m]) {
            let rest = parts.enumerated().filter { $0.offset != m }.map { DateOfBirth.stripOrdinal($0.element) }
            guard rest.count == 2, let a = Int(rest[0]), let b = Int(rest[1]) else { return nil }
            month = named
            (day, yearText) = rest[0].count <= 2 && a <= 31 ? (a, rest[1]) : (b, rest[0])
        } else {
            guard parts.allSatisfy({ Int($0) != nil }) else { return nil }
            let n = parts.compactMap { Int($0) }
            if parts[0].count == 4 {
                (month, day, yearText) = (n[1], n[2], parts[0])
            } else {
                (month, day, yearText) = (n[0], n[1], parts[2])
                if month > 12 && day <= 12 { swap(&month, &day) }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), let year = Int(yearText) else { return nil }
        self.month = month
        self.day = day
        switch yearText.count {
        case 4: years = [year]
        case 2: years = [1900 + year, 2000 + year]
        default: return nil
        }
    }

    /// Index keys (`year|month|day`, the year in four and two digits) this date is found under.
    var keys: [String] {
        years.flatMap { y in ["\(y)|\(month)|\(day)", "\(y % 100)|\(month)|\(day)"] }
    }

    /// The keys three consecutive digit groups may stand for, read as m/d/y, y-m-d and d/m/y.
    static func keys(_ a: String, _ b: String, _ c: String) -> [String] {
        guard let x = Int(a), let y = Int(b), let z = Int(c) else { return [] }
        var out: [String] = []
        if c.count == 4 || c.count == 2 {
            out.append("\(z)|\(x)|\(y)")
            out.append("\(z)|\(y)|\(x)")
        }
        if a.count == 4 { out.append("\(x)|\(y)|\(z)") }
        return out
    }

    /// Word forms: `march 14 1985`, `mar 14 1985`, `14 march 1985`, `march 14th 1985`,
    /// `march 04 1985` …
    var wordForms: [[String]] {
        let name = DateOfBirth.monthNames[month - 1]
        let names = Set([name, String(name.prefix(3)), name == "september" ? "sept" : name])
        var forms: [[String]] = []
        for y in years {
            for n in names.sorted() {
                forms.append([n, "\(day)", "\(y)"])
                forms.append([n, DateOfBirth.ordinal(day), "\(y)"])
                forms.append(["\(day)", n, "\(y)"])
                if day < 10 { forms += [["0\(day)", n, "\(y)"], [n, "0\(day)", "\(y)"]] }
            }
        }
        return forms
    }

    static func month(named word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word == "sept" { return 9 }
        return monthNames.firstIndex { $0 == word || $0.prefix(3) == word }.map { $0 + 1 }
    }

    private static func stripOrdinal(_ s: String) -> String {
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) && s.count > 2 {
            return String(s.dropLast(2))
        }
        return s
    }

    private static func ordinal(_ d: Int) -> String {
        let suffix: String
        switch d {
        case 1, 21, 31: suffix = "st"
        case 2, 22: suffix = "nd"
        case 3, 23: suffix = "rd"
        default: suffix = "th"
        }
        return "\(d)\(suffix)"
    }
}
