import Foundation
import Synchronization

/// Normalises the dates printed in email headers to ISO 8601 with the zone's offset.
///
/// Outlook prints local time without a zone (`Wednesday, May 10, 2017 2:32 PM`), so the
/// pipeline's zone supplies the offset, daylight saving included. RFC 2822 dates carry their
/// own offset; they are converted to the same zone so all records compare alike.
struct SentDateParser: Sendable {
    let timeZone: TimeZone

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    init(timeZone: String) {
        self.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "America/New_York") ?? .current
    }

    /// The ISO 8601 form, or nil when no date and time can be read.
    func normalise(_ printed: String) -> String? {
        let s = printed.replacingOccurrences(of: "\u{00A0}", with: " ")
        guard let (year, month, day) = date(in: s), let time = time(in: s) else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = time.hour
        components.minute = time.minute
        components.second = time.second
        var calendar = Calendar(identifier: .gregorian)
        if let offset = time.offsetSeconds, let zone = TimeZone(secondsFromGMT: offset) {
            calendar.timeZone = zone
        } else {
            calendar.timeZone = timeZone
        }
        guard calendar.date(from: components) != nil, let instant = calendar.date(from: components),
            (1..<13).contains(month), (1..<32).contains(day)
        else { return nil }
        return SentDateParser.iso(instant, in: timeZone)
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

    private func date(in s: String) -> (Int, Int, Int)? {
        let lower = s.lowercased()
        // 5/10/2017, 05-10-17
        if let m = firstMatch(#"\b(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})\b"#, lower) {
            return (year(m[3]), Int(m[1]) ?? 0, Int(m[2]) ?? 0)
        }
        // 2017-05-10
        if let m = firstMatch(#"\b(\d{4})-(\d{2})-(\d{2})"#, lower) {
            return (Int(m[1]) ?? 0, Int(m[2]) ?? 0, Int(m[3]) ?? 0)
        }
        // May 10, 2017 / May 10 2017
        if let m = firstMatch(#"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, lower),
            let month = SentDateParser.month(m[1])
        {
            return (Int(m[3]) ?? 0, month, Int(m[2]) ?? 0)
        }
        // 10 May 2017
        if let m = firstMatch(#"\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b"#, lower),
            let month = SentDateParser.month(m[2])
        {
            return (Int(m[3]) ?? 0, month, Int(m[1]) ?? 0)
        }
        return nil
    }

    private func time(in s: String) -> (hour: Int, minute: Int, second: Int, offsetSeconds: Int?)? {
        let lower = s.lowercased()
        guard
            let m = firstMatch(
                #"\b(\d{1,2})\s?[:.]\s?(\d{2})(?:[:.](\d{2}))?\s*([ap]\.?\s?m\.?)?(?:\s*([+-]\d{4}|gmt|utc|z\b|[ecmp][sd]t\b))?"#,
                lower)
        else { return nil }
        var hour = Int(m[1]) ?? 0
        let minute = Int(m[2]) ?? 0
        let second = Int(m[3]) ?? 0
        let ampm = m[4]
        if ampm.hasPrefix("p") && hour < 12 { hour += 12 }
        if ampm.hasPrefix("a") && hour == 12 { hour = 0 }
        guard hour < 24, minute < 60, second < 61 else { return nil }
        var offset: Int?
        let zone = m[5]
        if zone.hasPrefix("+") || zone.hasPrefix("-"), let v = Int(zone.dropFirst()) {
            offset = (zone.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
        } else if ["gmt", "utc", "z"].contains(zone) {
            offset = 0
        } else if let z = ["est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7][zone] {
            offset = z * 3600
        }
        return (hour, minute, second, offset)
    }

    private static func month(_ name: String) -> Int? {
        let n = name.lowercased()
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
