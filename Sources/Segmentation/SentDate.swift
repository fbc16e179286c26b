import Foundation
import Synchronization

/// Normalises the dates printed in email headers to ISO 8601 with the zone's offset.
///
/// Outlook prints local time without a zone (`Wednesday, May 10, 2017 2:32 PM`), so the
/// pipeline's zone supplies the offset, daylight saving included. RFC 2822 dates carry their
/// own offset; they are converted to the same zone so all records compare alike.
///
/// The value is never a guess. OCR damage that can be undone is undone (`P M`, `PIVI`,
/// `p.m.`, `AIVI`; `Wednesdav`, `Frlday`; `2O17`, `l0:32`). What cannot be told gives nil
/// with a `Problem` for the review list: a 12-hour style time whose AM/PM is missing or
/// unreadable (`6:34` may be 18:34), or a weekday that does not fall on the printed date.
package struct SentDateParser: Sendable {
    let timeZone: TimeZone

    /// Why a printed date was left null, as the review list words it.
    package enum Problem: String, Sendable, Hashable {
        case ambiguousHour = "ambiguous_hour"
        case weekdayMismatch = "weekday_mismatch"
        case unreadable = "unreadable"

        package var explanation: String {
            switch self {
            case .ambiguousHour: "12-hour time with no readable AM/PM: the hour cannot be told"
            case .weekdayMismatch: "the printed weekday does not fall on the printed date"
            case .unreadable: "no date and time could be read"
            }
        }
    }

    /// What one printed date gave: the ISO value, or the reason there is none.
    package struct Reading: Sendable, Hashable {
        package var iso: String?
        package var problem: Problem?
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    package init(timeZone: String) {
        self.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "America/New_York") ?? .current
    }

    /// The ISO 8601 form, or nil when no date and time can be read or the hour cannot be told.
    package func normalise(_ printed: String) -> String? { read(printed).iso }

    /// The ISO 8601 form or, when there is none, why.
    package func read(_ printed: String) -> Reading {
        let s = SentDateParser.mend(printed.replacingOccurrences(of: "\u{00A0}", with: " ").lowercased())
        guard let d = date(in: s) else { return Reading(iso: nil, problem: .unreadable) }
        let rest = String(s[d.range.upperBound...])
        guard let time = time(in: rest) ?? time(in: String(s[..<d.range.lowerBound])) else {
            return Reading(iso: nil, problem: .unreadable)
        }
        guard (1..<13).contains(d.month), (1..<32).contains(d.day) else { return Reading(iso: nil, problem: .unreadable) }
        let weekday = SentDateParser.weekday(in: String(s[..<d.range.lowerBound]))
        // `5/10/2017 9:14` is a 24-hour print; Outlook's styles (`Wed 5/10/2017 2:32 PM`,
        // `May 10, 2017 2:32 PM`, `5/10/2017 2:32:15 PM`) always carry AM/PM.
        let twentyFourHourStyle = d.numeric && weekday == nil && !time.hasSeconds
        if time.ambiguous, !twentyFourHourStyle || time.damagedMarker {
            return Reading(iso: nil, problem: .ambiguousHour)
        }
        var components = DateComponents()
        components.year = d.year
        components.month = d.month
        components.day = d.day
        components.hour = time.hour
        components.minute = time.minute
        components.second = time.second
        var calendar = Calendar(identifier: .gregorian)
        if let offset = time.offsetSeconds, let zone = TimeZone(secondsFromGMT: offset) {
            calendar.timeZone = zone
        } else {
            calendar.timeZone = timeZone
        }
        guard let instant = calendar.date(from: components),
            calendar.component(.day, from: instant) == d.day
        else { return Reading(iso: nil, problem: .unreadable) }
        if let weekday, calendar.component(.weekday, from: instant) != weekday
        {
            return Reading(iso: nil, problem: .weekdayMismatch)
        }
        return Reading(iso: SentDateParser.iso(instant, in: timeZone), problem: nil)
    }

    static func iso(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let oh = abs(offset) / 3600
        let om = abs(offset) % 3600 / 60
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
            + "\(sign)\(two(oh)):\(two(om))"
    }

    /// Undoes OCR letter-for-digit swaps between digits (`2O17`, `l0:32`, `5/1O/2017`) and
    /// spaces OCR put inside a time (`2 :32`).
    private static func mend(_ s: String) -> String {
        var chars = Array(s)
        let digitLike: [Character: Character] = ["o": "0", "l": "1", "i": "1", "|": "1", "s": "5", "b": "8"]
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i].isASCII && chars[i].isNumber }
        var changed = true
        while changed {
            changed = false
            for i in chars.indices {
                guard let d = digitLike[chars[i]] else { continue }
                // A letter standing in a run of digits: both neighbours digits, or one a digit
                // and the other a date or time separator.
                let before = isDigit(i - 1)
                let after = isDigit(i + 1)
                let sepBefore = i > 0 && ":/".contains(chars[i - 1])
                let sepAfter = i + 1 < chars.count && ":/".contains(chars[i + 1])
                // …or the first or last character of a number standing alone (`June l2,`, `O5`, `7:5O`).
                let letterBefore = i > 0 && chars[i - 1].isLetter
                let letterAfter = i + 1 < chars.count && chars[i + 1].isLetter
                let starts = !letterBefore && after && !(i + 2 < chars.count && chars[i + 2].isLetter)
                let ends = before && !letterAfter && (isDigit(i - 2) || (i >= 2 && ":/".contains(chars[i - 2])))
                if (before && after) || (before && sepAfter) || (sepBefore && after) || starts || ends {
                    chars[i] = d
                    changed = true
                }
            }
        }
        return String(chars)
    }

    private struct PrintedDate {
        var year: Int
        var month: Int
        var day: Int
        var range: Range<String.Index>
        /// `5/10/2017`, `2017-05-10`: the style that prints a 24-hour clock without AM/PM.
        var numeric: Bool
    }

    private func date(in lower: String) -> PrintedDate? {
        // 5/10/2017, 05-10-17
        if let (m, r) = firstMatchRange(#"\b(\d{1,2}) ?[/-] ?(\d{1,2}) ?[/-] ?(\d{2,4})\b"#, lower) {
            return PrintedDate(year: year(m[3]), month: Int(m[1]) ?? 0, day: Int(m[2]) ?? 0, range: r, numeric: true)
        }
        // 2017-05-10
        if let (m, r) = firstMatchRange(#"\b(\d{4})-(\d{2})-(\d{2})"#, lower) {
            return PrintedDate(year: Int(m[1]) ?? 0, month: Int(m[2]) ?? 0, day: Int(m[3]) ?? 0, range: r, numeric: true)
        }
        // May 10, 2017 / May 10 2017 / May10,2017
        if let (m, r) = firstMatchRange(#"\b([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s?[,.]?\s*(\d{4})\b"#, lower),
            let month = SentDateParser.month(m[1])
        {
            return PrintedDate(year: Int(m[3]) ?? 0, month: month, day: Int(m[2]) ?? 0, range: r, numeric: false)
        }
        // 10 May 2017
        if let (m, r) = firstMatchRange(#"\b(\d{1,2})\s*([a-z]{3,9})\.?,?\s*(\d{4})\b"#, lower),
            let month = SentDateParser.month(m[2])
        {
            return PrintedDate(year: Int(m[3]) ?? 0, month: month, day: Int(m[1]) ?? 0, range: r, numeric: false)
        }
        return nil
    }

    private struct PrintedTime {
        var hour: Int
        var minute: Int
        var second: Int
        var offsetSeconds: Int?
        /// 1–12 unpadded, with no AM/PM and no zone: a 12-hour clock cannot be ruled out.
        var ambiguous: Bool
        var hasSeconds: Bool
        /// Something stands where AM/PM would be but cannot be read as either.
        var damagedMarker: Bool
    }

    /// AM/PM as OCR prints it: `PM`, `P M`, `p.m.`, `PM.`, `PIVI`, `AIVI`, `Pl\/l`, `PN`, `P.`
    private static let marker = #"([ap])\s?\.?\s?(?:m|rn|ivi|iv1|lvl|1v1|ivl|lvi|nn|n|\|v\||l\\/l|l/l|iv|vi)?\.?(?![a-z])"#
    private static let zone = #"(?:\s*\(?([+-]\s?\d{2}:?\d{2}|gmt|utc|z\b|[ecmp][sd]t\b))?"#

    private func time(in lower: String) -> PrintedTime? {
        let full = #"(?<![\d/])(\d{1,2})\s?[:.;,]\s?(\d{2})(?:\s?[:.]\s?(\d{2}))?(?!\d)(?:\s*"# + SentDateParser.marker + ")?"
            + SentDateParser.zone
        // "2 32 PM": a lost colon is read only when AM/PM follows.
        let noColon = #"(?<![\d/])(\d{1,2})\s(\d{2})()(?!\d)\s*"# + SentDateParser.marker + SentDateParser.zone
        guard let (m, r) = firstMatchRange(full, lower) ?? firstMatchRange(noColon, lower) else { return nil }
        var hour = Int(m[1]) ?? 0
        let minute = Int(m[2]) ?? 0
        let second = Int(m[3]) ?? 0
        let ampm = m[4]
        if ampm == "p" && hour < 12 { hour += 12 }
        if ampm == "a" && hour == 12 { hour = 0 }
        guard hour < 24, minute < 60, second < 61 else { return nil }
        if !ampm.isEmpty, Int(m[1]) ?? 0 > 12 { return nil }
        var offset: Int?
        let zone = m[5].replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ":", with: "")
        if zone.hasPrefix("+") || zone.hasPrefix("-"), let v = Int(zone.dropFirst()) {
            offset = (zone.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
        } else if ["gmt", "utc", "z"].contains(zone) {
            offset = 0
        } else if let z = ["est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7][zone] {
            offset = z * 3600
        }
        let twelve = (1...12).contains(Int(m[1]) ?? 0)
        // Outlook never pads a 12-hour hour: `09:14` is a 24-hour clock.
        let padded = m[1].count == 2 && m[1].hasPrefix("0")
        let ambiguous = twelve && ampm.isEmpty && offset == nil && !padded
        // A short token after the time where AM/PM belongs (`6:34 FM`, `6:34 RM`, `6:34 ?M`).
        let after = String(lower[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        let token = after.prefix { !$0.isWhitespace }
        let damaged =
            ampm.isEmpty && !token.isEmpty && token.count <= 4
            && token.contains(where: { "mn".contains($0) }) && !token.allSatisfy(\.isNumber)
        return PrintedTime(
            hour: hour, minute: minute, second: second, offsetSeconds: offset, ambiguous: ambiguous || (twelve && damaged),
            hasSeconds: !m[3].isEmpty, damagedMarker: damaged)
    }

    /// The weekday named before the date (1 = Sunday, as `Calendar` counts), OCR damage
    /// allowed: `Wednesdav`, `Thursdav`, `Frlday`, `Tues`, `Thu`.
    private static func weekday(in lower: String) -> Int? {
        let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "|" })
        guard let first = words.first(where: { $0.count >= 3 }) else { return nil }
        let w = String(first).replacingOccurrences(of: "1", with: "i").replacingOccurrences(of: "|", with: "i")
            .replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "5", with: "s")
        for (i, name) in weekdays.enumerated() {
            if w == name || (w.count >= 3 && w.count <= 5 && name.hasPrefix(w)) { return i + 1 }
        }
        // One or two wrong letters in a full name, and the same first letter.
        if w.count >= 6 {
            let near = weekdays.enumerated().filter { _, name in
                name.first == w.first && abs(name.count - w.count) <= 1 && distance(name, w) <= 2
            }
            if near.count == 1 { return near[0].offset + 1 }
        }
        return nil
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where i <= a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where j <= b.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }

    private static func month(_ name: String) -> Int? {
        let n = name.lowercased().replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
        if let m = months[n] { return m }
        if n.count >= 3, let m = months[String(n.prefix(3))] { return m }
        // OCR: "Seo 1, 2017" for "Sep 1": one wrong letter in a three-letter month.
        if n.count == 3 {
            let candidates = months.filter { k, _ in
                k.count == 3 && zip(k, n).filter { $0 != $1 }.count == 1 && k.first == n.first
            }
            if candidates.count == 1 { return candidates.first?.value }
        }
        return nil
    }

    private func year(_ s: String) -> Int {
        let y = Int(s) ?? 0
        return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y
    }
}

/// The capture groups of the first match and the range of the whole match.
func firstMatchRange(_ pattern: String, _ text: String) -> ([String], Range<String.Index>)? {
    guard let re = RegexCache.shared.regex(pattern),
        let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        let whole = Range(m.range, in: text)
    else { return nil }
    let groups = (0..<m.numberOfRanges).map { i -> String in
        guard let r = Range(m.range(at: i), in: text) else { return "" }
        return String(text[r])
    }
    return (groups, whole)
}

/// The capture groups of the first match (empty strings for groups that did not take part).
func firstMatch(_ pattern: String, _ text: String) -> [String]? {
    guard let re = RegexCache.shared.regex(pattern),
        let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (0..<m.numberOfRanges).map { i in
        guard let r = Range(m.range(at: i), in: text) else { return "" }
        return String(text[r])
    }
}

/// Compiled regular expressions, shared by all workers (NSRegularExpression is thread-safe).
final class RegexCache: Sendable {
    static let shared = RegexCache()
    private let cache = Mutex<[String: NSRegularExpression]>([:])

    func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "c:") + pattern
        if let r = cache.withLock({ $0[key] }) { return r }
        guard let r = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        else { return nil }
        cache.withLock { $0[key] = r }
        return r
    }
}
