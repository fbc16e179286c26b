import Foundation
import Synchronization
import TextPatterns
import Testing

/// `TextPattern` replaces `NSRegularExpression` in the rules, so every rule must find what it
/// found before: each case runs both and compares every group's range.
@Suite struct TextPatternTests {
    /// A page of the kind the rules read: quoted reply lines, non-ASCII punctuation, OCR noise.
    let page = """
        From: Truong, Linh <linh.truong@ice.dhs.gov>
        Sent: Tuesday, July 2, 2019 11:04 AM
        > On Jul 1, 2019, at 9:12 PM, Kelly O’Brien wrote:
        > DOB: 12/7/1984 – A# 204-123-456 — SSN 575-65-7613
        Subject: RE: DESIR, JEAN-CLAUDE – I-247A § (b)(6)
        Ms. Żaneta Kowalská lives at 120 Broadway, Chelsea, MA 02150. Tel 617-704-2660.
        MA DL S66891344 · FBI# 74C6012P50 · Happy hunting 🙂
        """

    struct Case {
        var pattern: String
        var options: NSRegularExpression.Options = []
        var matching: NSRegularExpression.MatchingOptions = []
        /// UTF-16 range as (start, length); nil for the whole text.
        var range: (Int, Int)? = nil
    }

    var cases: [Case] {
        [
            Case(pattern: #"\b\d{1,2}/\d{1,2}/\d{2,4}\b"#),
            Case(pattern: #"(?<v>\d{3}-\d{2}-\d{4})"#),
            Case(pattern: #"(?<=SSN\s)(?<v>[\d-]+)"#, matching: [.withTransparentBounds], range: (150, 60)),
            Case(pattern: #"(?<=SSN\s)(?<v>[\d-]+)"#, range: (150, 60)),
            Case(pattern: #"^(?:From|To|Cc)\s*[:;]"#, options: [.caseInsensitive, .anchorsMatchLines]),
            Case(pattern: #"^On\s.{4,160}\bwrote:?\s*$"#, options: [.anchorsMatchLines]),
            Case(pattern: #"[A-Z][a-z’']+(?:-[A-Z][a-z]+)?"#),
            Case(pattern: #"\p{Lu}\p{Ll}+"#, options: [.caseInsensitive]),
            Case(pattern: #"(?<n>\d)\s*(?<w>[a-z]+)?"#, matching: [.anchored], range: (0, 40)),
            Case(pattern: #"DOB"#, matching: [.anchored], range: (100, 40)),
            Case(pattern: #"DOB"#, matching: [.anchored], range: (135, 40)),
            Case(pattern: #"DOB"#, matching: [.anchored, .withTransparentBounds], range: (135, 40)),
            Case(pattern: #"\bwrote\b"#, matching: [.withTransparentBounds, .withoutAnchoringBounds], range: (70, 30)),
            Case(pattern: #"^\s*\d+"#, matching: [.withTransparentBounds, .withoutAnchoringBounds], range: (10, 50)),
            Case(pattern: #"^\s*\d+"#, range: (262, 30)),
            Case(pattern: #"x*"#, range: (0, 5)),
            Case(pattern: #"happy\s+hunting"#, options: [.caseInsensitive]),
            Case(pattern: "(b)(6)", options: [.ignoreMetacharacters]),
            Case(pattern: #"(?<a>[A-Z]{2})\s(?<b>DL|reg)?"#),
            Case(pattern: #"\(\s*b\s*\)\s*\(\s*([1-9])\s*\)(?:\s*\(\s*([A-Fa-f])\s*\))?"#),
        ]
    }

    @Test func findsWhatNSRegularExpressionFinds() throws {
        let text = PatternText(page)
        let ns = page as NSString
        var compared = 0
        for c in cases {
            let reference = try NSRegularExpression(pattern: c.pattern, options: c.options)
            let pattern = try TextPattern(pattern: c.pattern, options: TextPattern.Options(rawValue: Int(c.options.rawValue)))
            let range = c.range.map { NSRange(location: $0.0, length: $0.1) } ?? NSRange(location: 0, length: ns.length)
            let matching = TextPattern.MatchingOptions(c.matching)
            let want = reference.matches(in: page, options: c.matching, range: range)
            let got = pattern.matches(in: text, options: matching, range: range)
            // With .anchored the rules take only the first match, as TextPattern returns it;
            // corelibs' matches() is not the reference there (see the anchored test below).
            let expected =
                c.matching.contains(.anchored)
                ? reference.firstMatch(in: page, options: c.matching, range: range).map { [$0] } ?? [] : want
            #expect(got.count == expected.count, Comment(rawValue: "\(c.pattern) in \(range)"))
            for (g, w) in zip(got, expected) {
                #expect(g.numberOfRanges == w.numberOfRanges, Comment(rawValue: c.pattern))
                for i in 0..<w.numberOfRanges {
                    #expect(g.range(at: i) == w.range(at: i), Comment(rawValue: "\(c.pattern) group \(i)"))
                }
                for name in ["v", "n", "w", "a", "b"] {
                    #expect(g.range(withName: name) == w.range(withName: name), Comment(rawValue: "\(c.pattern) <\(name)>"))
                }
                compared += 1
            }
            let first = pattern.firstMatch(in: text, options: matching, range: range)
            #expect(first?.range == expected.first?.range, Comment(rawValue: c.pattern))
        }
        // The cases must exercise matches, not agree on finding nothing.
        #expect(compared > 40)
    }

    /// An anchored match starts where the range starts, as corelibs' `firstMatch` has it (its
    /// `matches(in:options:range:)` with `.anchored` also returns a later match when the range
    /// does not start at 0: it compares starts inside its copy of the range with the range's
    /// offset in the text). The rules only ever ask for the first anchored match.
    @Test func anchoredMatchStartsAtTheRangeStart() throws {
        let text = PatternText(page)
        let dob = try TextPattern(pattern: "DOB")
        let at = (page as NSString).range(of: "DOB").location
        #expect(dob.firstMatch(in: text, options: [.anchored], range: NSRange(location: at - 2, length: 20)) == nil)
        #expect(dob.firstMatch(in: text, options: [.anchored], range: NSRange(location: at, length: 20))?.range.location == at)
    }

    /// The rules search a line (or the gap after a label) in place instead of copying it out:
    /// with the default opaque, anchoring bounds `^`, `$`, `\z`, `\b` and look-arounds must see
    /// only the range, exactly as on the range's own string.
    @Test func aRangeSearchedInPlaceReadsAsItsOwnString() throws {
        let text = PatternText(page)
        let ns = page as NSString
        let patterns = [
            #"^(?:From|Fr[o0]m|To|Cc)\s*[:;]"#, #"^On\s.{4,160}\bwrote:?\s*$"#, #"\b[A-Z]{2}\b"#, #"(?<=\s)\d+(?!\d)"#,
            #"^[\s\p{P}\p{S}]*(?:(?:no|nbr|num|number)\.?[\s\p{P}\p{S}]*)?\z"#, #"\d\z"#, #"^\W*$"#,
        ]
        var lines: [NSRange] = []
        var start = 0
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = (String(line) as NSString).length
            lines.append(NSRange(location: start, length: length))
            // Pieces inside lines too: a label's gap starts and ends mid-line.
            if length > 8 { lines.append(NSRange(location: start + 3, length: length - 6)) }
            start += length + 1
        }
        var matched = 0
        for source in patterns {
            let pattern = try TextPattern(pattern: source, options: [.caseInsensitive])
            for r in lines {
                let own = PatternText(ns.substring(with: r))
                let inPlace = pattern.matches(in: text, range: r).map { NSRange(location: $0.range.location - r.location, length: $0.range.length) }
                #expect(inPlace == pattern.matches(in: own).map(\.range), Comment(rawValue: "\(source) in \(r)"))
                matched += inPlace.count
            }
        }
        #expect(matched > 20)
    }

    @Test func substringsAreTheTextsOwn() {
        let text = PatternText(page)
        let ns = page as NSString
        for (start, length) in [(0, 5), (60, 30), (200, 40), (ns.length - 12, 12)] {
            let r = NSRange(location: start, length: length)
            #expect(text.substring(with: r) == ns.substring(with: r))
        }
        #expect(text.length == ns.length)
        #expect(text.character(at: 77) == ns.character(at: 77))
    }

    @Test func rejectsABadPatternWithItsText() {
        #expect { try TextPattern(pattern: #"(?<v>\d+"#) } throws: { error in
            "\(error)".contains(#"(?<v>\d+"#)
        }
    }

    /// Workers share the rules; concurrent searches must not see each other's text.
    @Test func concurrentSearchesKeepTheirOwnText() throws {
        let pattern = try TextPattern(pattern: #"\d+"#)
        let texts = (0..<64).map { PatternText("n \($0) m \($0 * 7)") }
        let results = Mutex([[String]](repeating: [], count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let t = texts[i]
            var found: [String] = []
            for _ in 0..<50 { found = pattern.matches(in: t).map { t.substring(with: $0.range) } }
            results.withLock { $0[i] = found }
        }
        let all = results.withLock { $0 }
        for i in 0..<texts.count { #expect(all[i] == ["\(i)", "\(i * 7)"]) }
    }
}

extension TextPattern.MatchingOptions {
    init(_ o: NSRegularExpression.MatchingOptions) {
        var m: TextPattern.MatchingOptions = []
        if o.contains(.anchored) { m.insert(.anchored) }
        if o.contains(.withTransparentBounds) { m.insert(.withTransparentBounds) }
        if o.contains(.withoutAnchoringBounds) { m.insert(.withoutAnchoringBounds) }
        self = m
    }
}
