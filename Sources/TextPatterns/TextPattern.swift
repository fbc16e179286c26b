import CICU
import Foundation
import Synchronization

/// A regular expression run by ICU directly on a `PatternText`.
///
/// The same engine and syntax as `NSRegularExpression` (which is ICU underneath), without its
/// per-call copy of the text: the rules of a page share one UTF-16 buffer. Options and
/// matching options mean what `NSRegularExpression`'s do, and ranges are `NSRange`s of UTF-16
/// offsets, so rules written for one behave the same on the other.
///
/// ICU matchers are not thread-safe; each search takes one from a pool (cloned when all are in
/// use), so a pattern is shared by all workers without a lock held while matching.
public final class TextPattern: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 1 << 0)
        public static let allowCommentsAndWhitespace = Options(rawValue: 1 << 1)
        public static let ignoreMetacharacters = Options(rawValue: 1 << 2)
        public static let dotMatchesLineSeparators = Options(rawValue: 1 << 3)
        public static let anchorsMatchLines = Options(rawValue: 1 << 4)
        public static let useUnixLineSeparators = Options(rawValue: 1 << 5)
        public static let useUnicodeWordBoundaries = Options(rawValue: 1 << 6)
    }

    public struct MatchingOptions: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The match must start at the start of the range.
        public static let anchored = MatchingOptions(rawValue: 1 << 0)
        /// Look-behind, look-ahead and `\b` see the text around the range.
        public static let withTransparentBounds = MatchingOptions(rawValue: 1 << 1)
        /// `^` and `$` do not match at the range's ends (only at the text's, or lines').
        public static let withoutAnchoringBounds = MatchingOptions(rawValue: 1 << 2)
    }

    public let pattern: String
    public let options: Options
    private let compiled: Matcher
    private let pool = Mutex<[Matcher]>([])
    private let groupCount: Int
    /// Named groups and their numbers.
    let names: [String: Int]

    /// An ICU matcher; moved between threads only through the pool, used by one at a time.
    struct Matcher: @unchecked Sendable {
        let raw: OpaquePointer
    }

    public init(pattern: String, options: Options = []) throws(TextPatternError) {
        self.pattern = pattern
        self.options = options
        let source = options.contains(.ignoreMetacharacters) ? NSRegularExpression.escapedPattern(for: pattern) : pattern
        var flags: UInt32 = 0
        if options.contains(.caseInsensitive) { flags |= cicu_flag_case_insensitive() }
        if options.contains(.allowCommentsAndWhitespace) { flags |= cicu_flag_comments() }
        if options.contains(.dotMatchesLineSeparators) { flags |= cicu_flag_dotall() }
        if options.contains(.anchorsMatchLines) { flags |= cicu_flag_multiline() }
        if options.contains(.useUnixLineSeparators) { flags |= cicu_flag_unix_lines() }
        if options.contains(.useUnicodeWordBoundaries) { flags |= cicu_flag_uword() }
        let units = Array(source.utf16)
        var error: Int32 = 0
        let raw = units.withUnsafeBufferPointer { cicu_open($0.baseAddress, Int32($0.count), flags, &error) }
        guard let raw else { throw TextPatternError(pattern: pattern, code: Int(error)) }
        compiled = Matcher(raw: raw)
        groupCount = Int(cicu_group_count(raw))
        var names: [String: Int] = [:]
        for name in TextPattern.groupNames(in: source) {
            let u = Array(name.utf16)
            let n = u.withUnsafeBufferPointer { cicu_group_number(raw, $0.baseAddress, Int32($0.count)) }
            if n > 0 { names[name] = Int(n) }
        }
        self.names = names
    }

    deinit {
        cicu_close(compiled.raw)
        for m in pool.withLock({ $0 }) { cicu_close(m.raw) }
    }

    /// Every match in `range` (all of the text when nil), in order.
    public func matches(in text: PatternText, options: MatchingOptions = [], range: NSRange? = nil) -> [PatternMatch] {
        var out: [PatternMatch] = []
        search(text, options, range ?? text.wholeRange) { m in
            out.append(m)
            return !options.contains(.anchored)
        }
        return out
    }

    public func firstMatch(in text: PatternText, options: MatchingOptions = [], range: NSRange? = nil) -> PatternMatch? {
        var first: PatternMatch?
        search(text, options, range ?? text.wholeRange) { m in
            first = m
            return false
        }
        return first
    }

    /// Whether the pattern matches anywhere in `range`.
    public func isMatch(in text: PatternText, options: MatchingOptions = [], range: NSRange? = nil) -> Bool {
        firstMatch(in: text, options: options, range: range) != nil
    }

    /// Whether the pattern matches anywhere in a short string (a line, a label), converted for
    /// this call only; a text searched by several patterns is made a `PatternText` once instead.
    public func isMatch(in string: String) -> Bool { firstMatch(in: PatternText(string)) != nil }

    public static func escapedPattern(for string: String) -> String { NSRegularExpression.escapedPattern(for: string) }

    /// Runs the search; `each` returns whether to go on.
    private func search(_ text: PatternText, _ options: MatchingOptions, _ range: NSRange, _ each: (PatternMatch) -> Bool) {
        guard range.location >= 0, range.length >= 0, range.location + range.length <= text.length,
            text.length < Int(Int32.max)
        else { return }
        let matcher = checkOut()
        defer { checkIn(matcher) }
        let re = matcher.raw
        text.units.withUnsafeBufferPointer { buffer in
            guard
                cicu_prepare(
                    re, buffer.baseAddress, Int32(buffer.count), Int64(range.location), Int64(range.location + range.length),
                    options.contains(.withTransparentBounds) ? 1 : 0, options.contains(.withoutAnchoringBounds) ? 0 : 1) != 0
            else { return }
            defer { cicu_release_text(re) }
            if options.contains(.anchored) {
                guard cicu_looking_at(re) != 0 else { return }
                _ = each(current(re))
                return
            }
            while cicu_find_next(re) != 0 {
                if !each(current(re)) { return }
            }
        }
    }

    private func current(_ re: OpaquePointer) -> PatternMatch {
        var ranges: [NSRange] = []
        ranges.reserveCapacity(groupCount + 1)
        for g in 0...groupCount {
            let start = cicu_start(re, Int32(g))
            let end = cicu_end(re, Int32(g))
            if start >= 0 && end >= start {
                ranges.append(NSRange(location: Int(start), length: Int(end - start)))
            } else {
                ranges.append(NSRange(location: NSNotFound, length: 0))
            }
        }
        return PatternMatch(ranges: ranges, names: names)
    }

    private func checkOut() -> Matcher {
        if let m = pool.withLock({ $0.popLast() }) { return m }
        guard let raw = cicu_clone(compiled.raw) else {
            // ICU only fails to clone when out of memory.
            fatalError("cannot copy the regular expression \(pattern)")
        }
        return Matcher(raw: raw)
    }

    private func checkIn(_ m: Matcher) { pool.withLock { $0.append(m) } }

    /// Names of `(?<name>…)` groups; look-behinds `(?<=`/`(?<!` are not names, and a name
    /// ICU does not know (an escaped bracket) is dropped by the caller.
    static func groupNames(in pattern: String) -> [String] {
        var names: [String] = []
        let chars = Array(pattern.unicodeScalars)
        var i = 0
        while i + 3 < chars.count {
            if chars[i] == "(" && chars[i + 1] == "?" && chars[i + 2] == "<",
                chars[i + 3].properties.isAlphabetic
            {
                var j = i + 3
                var name = ""
                while j < chars.count, chars[j] != ">" {
                    name.unicodeScalars.append(chars[j])
                    j += 1
                }
                names.append(name)
                i = j
            }
            i += 1
        }
        return names
    }
}

/// One match: the whole match at index 0, then each group (`location == NSNotFound` for a
/// group that took no part).
public struct PatternMatch: Sendable {
    public let ranges: [NSRange]
    let names: [String: Int]

    public var range: NSRange { ranges[0] }
    public var numberOfRanges: Int { ranges.count }

    public func range(at index: Int) -> NSRange {
        index < ranges.count ? ranges[index] : NSRange(location: NSNotFound, length: 0)
    }

    public func range(withName name: String) -> NSRange {
        guard let i = names[name] else { return NSRange(location: NSNotFound, length: 0) }
        return range(at: i)
    }
}

/// A pattern ICU rejects.
public struct TextPatternError: Error, CustomStringConvertible, Sendable {
    public var pattern: String
    /// ICU's error code.
    public var code: Int
    public var description: String { "invalid regular expression \(pattern) (ICU error \(code))" }
}
