import Foundation

/// Format and checksum tests a `pattern` rule can ask for with `check:`, run on the matched
/// value after OCR's usual letter-for-digit confusions are undone (`O` → 0, `l`/`I`/`|` → 1).
///
/// - `ssn`: nine digits; area not 000, 666 or 900–999, group not 00, serial not 0000 (SSA rules).
/// - `a_number`: eight or nine digits (an alien registration number, `A` prefix optional).
/// - `ma_license`: a Massachusetts licence, `S` and eight digits.
/// - `phone`: a North American number: ten digits (or 1 and ten), area and exchange not starting 0 or 1.
/// - `date`: a calendar date with a month 1–12, a day 1–31 and, when printed, a year 1900–2039;
///   six or eight digits alone are read as MMDDYY or MMDDYYYY.
///
/// Example: `575-65-7613` passes `ssn`; `900-12-3456` does not.
enum IdentifierCheck: String, CaseIterable, Sendable {
    case ssn
    case aNumber = "a_number"
    case maLicense = "ma_license"
    case phone
    case date

    func passes(_ value: String) -> Bool {
        switch self {
        case .ssn:
            let d = IdentifierCheck.digits(value)
            guard d.count == 9 else { return false }
            let area = Int(String(d.prefix(3))) ?? 0
            let group = Int(String(d.dropFirst(3).prefix(2))) ?? 0
            let serial = Int(String(d.suffix(4))) ?? 0
            return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
        case .aNumber:
            let d = IdentifierCheck.digits(value)
            return d.count == 8 || d.count == 9
        case .maLicense:
            let compact = value.filter { !$0.isWhitespace && $0 != "-" }
            guard let first = compact.first, "Ss5$".contains(first) else { return false }
            return IdentifierCheck.digits(String(compact.dropFirst())).count == 8
        case .phone:
            var d = IdentifierCheck.digits(value)
            if d.count == 11, d.first == "1" { d.removeFirst() }
            guard d.count == 10 else { return false }
            let a = Array(d)
            return a[0] >= "2" && a[3] >= "2"
        case .date:
            return IdentifierCheck.isPlausibleDate(value)
        }
    }

    /// The digits of a value, reading OCR's look-alike letters as the digits they stand for.
    static func digits(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "0"..."9": out.append(c)
            case "O", "o", "Q": out.append("0")
            case "I", "l", "|", "i", "!": out.append("1")
            default: continue
            }
        }
        return out
    }

    static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The text with every run of two or more letters (a month's name) replaced by a space.
    static func droppingWords(_ s: String) -> String {
        var out = ""
        var run = ""
        for c in s {
            if c.isLetter {
                run.append(c)
            } else {
                out += run.count >= 2 ? " " : run
                run = ""
                out.append(c)
            }
        }
        out += run.count >= 2 ? " " : run
        return out
    }

    static func isPlausibleDate(_ value: String) -> Bool {
        let lower = value.lowercased()
        if months.contains(where: { lower.contains($0) }) {
            // Month names: the day and year must be plausible. Words (the month) are dropped
            // first so that the o of `october` is not read as a zero.
            let numbers = IdentifierCheck.droppingWords(lower)
            let groups = numbers.split(whereSeparator: { !$0.isNumber && !"oli|".contains($0) })
                .map { digits(String($0)) }.filter { !$0.isEmpty }
            guard !groups.isEmpty else { return false }
            for g in groups {
                guard let n = Int(g) else { return false }
                if g.count == 4 { if n < 1900 || n > 2039 { return false } } else if n < 1 || n > 31 { return false }
            }
            return true
        }
        var groups = value.split(whereSeparator: { "/-. ".contains($0) }).map { digits(String($0)) }
            .filter { !$0.isEmpty }
        // Printed without separators, as record rows print a birth date (062780, 06271980): MMDDYY(YY).
        if groups.count == 1, groups[0].count == 6 || groups[0].count == 8 {
            let d = Array(groups[0])
            groups = [String(d[0..<2]), String(d[2..<4]), String(d[4...])]
        }
        guard groups.count == 3 || groups.count == 2 else { return false }
        let nums = groups.compactMap { Int($0) }
        guard nums.count == groups.count else { return false }
        if groups[0].count == 4 {  // 1975-06-22
            guard groups.count == 3 else { return false }
            return (1900...2039).contains(nums[0]) && (1...12).contains(nums[1]) && (1...31).contains(nums[2])
        }
        guard (1...12).contains(nums[0]) || (1...12).contains(nums[1]) else { return false }
        guard nums[0] >= 1, nums[0] <= 31, nums[1] >= 1, nums[1] <= 31 else { return false }
        if groups.count == 3 {
            if groups[2].count == 4 { return (1900...2039).contains(nums[2]) }
            return groups[2].count == 2
        }
        return true
    }
}
