import Foundation

/// The comparison key of an identifier, so that one number printed two ways is one value.
///
/// Letters and digits only, upper-cased (`617.555.3364` and `(617) 555-3364` are both
/// `6175553364`; `606-VGV` is `606VGV`); A-numbers without their `A` and padded to nine
/// digits; dates as `DATE:yyyymmdd` whatever their format (`12/7/1984`, `December 7, 1984`).
enum IdentifierKey {
    /// Values shorter than this are not propagated: four digits turn up everywhere.
    static let minimumLength = 5

    static func key(_ printed: String, type: PIIType? = nil) -> String? {
        if type == .dateOfBirth || (type == nil && looksLikeDate(printed)) {
            if let d = canonicalDate(printed) { return "DATE:" + d }
            if type == .dateOfBirth { return nil }
        }
        let alnum = String(printed.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII })
        guard alnum.count >= minimumLength, alnum.contains(where: \.isNumber) || type == .email else { return nil }
        if type == .aNumber || type == nil, let a = aNumber(alnum) { return a }
        return alnum
    }

    /// Every key a value printed without its type may have been registered under: its letters
    /// and digits, and its date or A-number form (`141407589` may be a passport or an A-number).
    static func keys(_ printed: String) -> [String] {
        var out: [String] = []
        if looksLikeDate(printed), let d = canonicalDate(printed) { out.append("DATE:" + d) }
        let alnum = String(printed.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII })
        guard alnum.count >= minimumLength else { return out }
        if alnum.contains(where: \.isNumber) || printed.contains("@") { out.append(alnum) }
        if let a = aNumber(alnum) { out.append(a) }
        return out
    }

    private static func aNumber(_ alnum: String) -> String? {
        var digits = Substring(alnum)
        if digits.first == "A" { digits = digits.dropFirst() }
        guard (8...9).contains(digits.count), digits.allSatisfy(\.isNumber) else { return nil }
        return "ANUM:" + String(repeating: "0", count: 9 - digits.count) + digits
    }

    static func looksLikeDate(_ s: String) -> Bool {
        guard s.count >= 6, s.count <= 24, s.contains(where: \.isNumber) else { return false }
        let lower = s.lowercased()
        if IdentifierCheck.months.contains(where: { lower.contains($0) }) { return true }
        return s.contains("/") || s.filter({ $0 == "-" }).count == 2 || s.filter({ $0 == "." }).count == 2
    }

    /// `yyyymmdd` of a printed date, or nil when it is not one.
    static func canonicalDate(_ s: String) -> String? {
        let lower = s.lowercased()
        var month: Int?
        for (i, m) in IdentifierCheck.months.enumerated() where lower.contains(m) {
            month = i + 1
            break
        }
        let numbers = IdentifierCheck.droppingWords(lower)
            .split(whereSeparator: { !$0.isNumber && !"oli|".contains($0) })
            .map { IdentifierCheck.digits(String($0)) }.compactMap { Int($0) }
        var y = 0
        var m = 0
        var d = 0
        if let month {
            guard numbers.count == 2 else { return nil }
            m = month
            if numbers[0] > 31 {
                y = numbers[0]
                d = numbers[1]
            } else {
                d = numbers[0]
                y = numbers[1]
            }
        } else {
            guard numbers.count == 3 else { return nil }
            if numbers[0] > 31 {
                (y, m, d) = (numbers[0], numbers[1], numbers[2])
            } else {
                (m, d, y) = (numbers[0], numbers[1], numbers[2])
            }
        }
        if y < 100 { y += y > 30 ? 1900 : 2000 }
        guard (1...12).contains(m), (1...31).contains(d), (1900...2039).contains(y) else { return nil }
        return String(format: "%04d%02d%02d", y, m, d)
    }
}
