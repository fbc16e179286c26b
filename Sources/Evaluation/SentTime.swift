/// A `sent` time read to the minute, with its UTC offset when one is written.
///
/// Hand labels of real releases have no offset ("2013-03-07T15:04": the release does not say
/// the zone), while the generator's truth and the pipeline write one. So two times are the
/// same when their instants agree to the minute, and when either side has no offset, when
/// their wall-clock readings agree to the minute. Seconds are ignored: printouts rarely show
/// them.
package struct SentTime: Sendable, Equatable {
    /// Minutes since 1970-01-01 00:00 of the wall-clock reading, ignoring the offset.
    package var localMinutes: Int
    /// Minutes east of UTC, or nil when the text had no offset.
    package var offsetMinutes: Int?

    /// Reads `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`; nil for anything else.
    package init?(iso text: String) {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else {
            return nil
        }
        guard i < s.count, s[i] == 84 || s[i] == 32 else { return nil }  // "T" or " "
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return nil }
        if expect(58) {
            guard number(2) != nil else { return nil }
            if expect(46) {
                while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60 else { return nil }
        var offset: Int?
        if i < s.count {
            if s[i] == 90 {  // "Z"
                i += 1
                offset = 0
            } else if s[i] == 43 || s[i] == 45 {  // "+" or "-"
                let sign = s[i] == 45 ? -1 : 1
                i += 1
                guard let h = number(2) else { return nil }
                _ = expect(58)
                guard let m = number(2) else { return nil }
                offset = sign * (h * 60 + m)
            }
        }
        guard i == s.count else { return nil }
        localMinutes = SentTime.daysFromCivil(year: year, month: month, day: day) * 1440 + hour * 60 + minute
        offsetMinutes = offset
    }

    /// True when both name the same minute (see the type's note on offsets).
    package func sameMinute(as other: SentTime) -> Bool {
        if let a = offsetMinutes, let b = other.offsetMinutes {
            return localMinutes - a == other.localMinutes - b
        }
        return localMinutes == other.localMinutes
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
