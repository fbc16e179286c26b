import Foundation
import TextPatterns

/// Splits printed e-mail text into sentences, the scope of status and cue words.
///
/// Printed e-mails break lines wherever the page ended, so a line break alone does not end a
/// sentence. It does when a blank line follows, when the line ends a sentence or a label
/// (`.`, `?`, `!`, `:`), when the next line starts a list item or a dated record row, and,
/// unless the line ends with a comma or a word such as "and" or "for", when either line is
/// in capitals (court-record printouts and forms print one fact per line) or the line stops
/// well short of the others (the paragraph ended there). Inside a
/// line, `.` ends a sentence before a capital, unless it closes an abbreviation, an initial
/// or a dotted form such as `U.S.C.`; `?` and `!` always do. Semicolons do not: police
/// lists put several charges of one arrest between semicolons.
enum SentenceSplitter {
    /// `widths`, when given, is the text the widest line is measured in (the same length as
    /// `units`, before lines were blanked).
    static func sentences(_ units: [UInt16], lines: [Range<Int>], widths: [UInt16]? = nil) -> [NSRange] {
        let longest = lines.map { trimmedLength(widths ?? units, $0) }.max() ?? 0
        var ends: [Int] = []
        for (n, line) in lines.enumerated() {
            var j = line.lowerBound
            while j < line.upperBound {
                let u = units[j]
                if u == 0x2E || u == 0x3F || u == 0x21, endsSentenceInLine(units, at: j, line: line) {
                    ends.append(j + 1)
                }
                j += 1
            }
            if n + 1 < lines.count, breaksAfter(units, lines[n], next: lines[n + 1], longest: longest) {
                ends.append(line.upperBound)
            }
        }
        ends.append(units.count)
        var out: [NSRange] = []
        var start = 0
        for end in ends.sorted() where end > start {
            if let r = trimmed(units, start..<end) { out.append(r) }
            start = end
        }
        return out
    }

    /// Clause boundaries inside a sentence, for the narrow scope of negation.
    static let clauseBreak: TextPattern? = try? TextPattern(
        pattern:
            #"[;:]|\s[-–—]+\s|,?\s+(?:but|however|although|though|whereas|except|yet|while)\b|,\s*(?:who|which|whose)\b"#,
        options: [.caseInsensitive])

    /// The clauses of a sentence, as ranges in the same text. Breaks inside parentheses do
    /// not count: "an I-247A (Immigration Detainer – Notice of Action) was faxed" is one clause.
    static func clauses(of sentence: NSRange, in text: PatternText) -> [NSRange] {
        guard let regex = clauseBreak else { return [sentence] }
        var out: [NSRange] = []
        var start = sentence.location
        let inParentheses = parenthesized(sentence, text)
        for m in regex.matches(in: text, range: sentence)
        where !inParentheses.contains(where: { NSLocationInRange(m.range.location, $0) }) {
            if m.range.location > start { out.append(NSRange(location: start, length: m.range.location - start)) }
            start = m.range.location + m.range.length
        }
        let end = sentence.location + sentence.length
        if end > start { out.append(NSRange(location: start, length: end - start)) }
        return out
    }

    private static func parenthesized(_ sentence: NSRange, _ text: PatternText) -> [NSRange] {
        var out: [NSRange] = []
        var open: Int?
        for k in sentence.location..<(sentence.location + sentence.length) {
            let u = text.character(at: k)
            if u == 0x28 {
                open = k
            } else if u == 0x29, let o = open {
                out.append(NSRange(location: o, length: k - o + 1))
                open = nil
            }
        }
        return out
    }

    // MARK: - Inside a line

    private static func endsSentenceInLine(_ units: [UInt16], at j: Int, line: Range<Int>) -> Bool {
        var k = j + 1
        while k < line.upperBound, isClosing(units[k]) { k += 1 }
        guard k == line.upperBound || isSpace(units[k]) else { return false }
        while k < line.upperBound, isSpace(units[k]) { k += 1 }
        if units[j] != 0x2E { return true }
        if isAbbreviation(units, periodAt: j, lineStart: line.lowerBound) { return false }
        // At the end of the line the line-break rules decide.
        if k == line.upperBound { return false }
        return isUpper(units[k]) || isOpening(units[k])
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "det", "sgt", "lt", "capt", "cpt", "st", "no", "nos", "vs", "v", "etc", "inc",
        "jr", "sr", "dist", "ct", "co", "dept", "ave", "rd", "poss", "off", "approx", "apt", "rev", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel", "ext", "aka", "ofc", "ofcr",
        "insp", "supt", "tpr", "ch", "chap", "sec", "ss", "para", "p", "pp", "gen", "mass", "stat", "attn", "est",
        "subsq", "subseq", "viol", "att", "poss", "w", "dkt", "id", "ref", "mt", "ft", "sq", "univ", "hosp",
    ]

    private static func isAbbreviation(_ units: [UInt16], periodAt j: Int, lineStart: Int) -> Bool {
        var s = j
        while s > lineStart, !isSpace(units[s - 1]), units[s - 1] != 0x28 { s -= 1 }
        let token = String(decoding: units[s..<j], as: UTF16.self)
        if token.isEmpty { return false }
        if token.count == 1, token.first?.isLetter == true { return true }
        if token.contains(".") { return true }
        return abbreviations.contains(token.lowercased())
    }

    // MARK: - Between lines

    private static func breaksAfter(_ units: [UInt16], _ line: Range<Int>, next: Range<Int>, longest: Int) -> Bool {
        guard var last = lastNonSpace(units, line), let first = firstNonSpace(units, next) else { return true }
        // OCR specks after a full stop ("ADW. ,") do not hide it.
        var k = last
        while k > line.lowerBound, units[k] != 0x2E, isSpeck(units[k]) || isSpace(units[k]) { k -= 1 }
        if k < last, units[k] == 0x2E || units[k] == 0x3F || units[k] == 0x21 { last = k }
        let end = units[last]
        if end == 0x3F || end == 0x21 || end == 0x3A { return true }
        if end == 0x2E, !isAbbreviation(units, periodAt: last, lineStart: line.lowerBound) { return true }
        if isClosing(end), last > line.lowerBound, [0x2E, 0x3F, 0x21].contains(units[last - 1]) { return true }
        if startsItem(units, from: first, in: next) { return true }
        // A line ending in "and", "for", "of" or a comma goes on.
        if endsWithJoiner(units, line) { return false }
        if isCapitalsLine(units, line) || isCapitalsLine(units, next) { return true }
        if longest >= 50, trimmedLength(units, line) < longest * 6 / 10, isUpper(units[first]) || isDigit(units[first])
        {
            return true
        }
        return false
    }

    /// `1. `, `2) `, `- `, `• `, `a) ` or a date opening a record row (`03/28/2014 BMC …`).
    private static func startsItem(_ units: [UInt16], from i: Int, in line: Range<Int>) -> Bool {
        let u = units[i]
        if [0x2D, 0x2022, 0x2A, 0xB7, 0x25AA, 0x3E].contains(u), i + 1 < line.upperBound, isSpace(units[i + 1]) {
            return true
        }
        var k = i
        while k < line.upperBound, isDigit(units[k]) { k += 1 }
        let digits = k - i
        if digits >= 1, digits <= 2, k + 1 < line.upperBound, units[k] == 0x2E || units[k] == 0x29,
            isSpace(units[k + 1])
        {
            return true
        }
        if digits >= 1, digits <= 2, k < line.upperBound, units[k] == 0x2F {
            // m/d/yyyy
            var slashes = 0
            var p = i
            while p < line.upperBound, isDigit(units[p]) || units[p] == 0x2F {
                if units[p] == 0x2F { slashes += 1 }
                p += 1
            }
            return slashes == 2
        }
        return false
    }

    /// A line with no small letters and enough capitals to be a record row or a title, not a
    /// wrapped acronym ("ADW.").
    private static func isCapitalsLine(_ units: [UInt16], _ line: Range<Int>) -> Bool {
        var upper = 0
        for k in line {
            let u = units[k]
            if u >= 0x61 && u <= 0x7A { return false }
            if isUpper(u) { upper += 1 }
        }
        return upper >= 8
    }

    static let joiners: Set<String> = [
        "and", "or", "for", "of", "with", "on", "in", "to", "the", "a", "an", "by", "at", "from", "was", "were", "is",
    ]

    private static func endsWithJoiner(_ units: [UInt16], _ line: Range<Int>) -> Bool {
        guard let last = lastNonSpace(units, line) else { return false }
        if units[last] == 0x2C || units[last] == 0x26 { return true }
        var s = last
        while s > line.lowerBound, !isSpace(units[s - 1]) { s -= 1 }
        return joiners.contains(String(decoding: units[s...last], as: UTF16.self).lowercased())
    }

    // MARK: - Characters

    private static func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0D || u == 0x0A || u == 0xA0 }
    private static func isUpper(_ u: UInt16) -> Bool { (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE) }
    private static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    private static func isSpeck(_ u: UInt16) -> Bool { [0x2C, 0x2E, 0x27, 0x2019, 0x60, 0x7C, 0x7E, 0x3E].contains(u) }
    private static func isClosing(_ u: UInt16) -> Bool { [0x29, 0x22, 0x27, 0x2019, 0x201D, 0x5D].contains(u) }
    private static func isOpening(_ u: UInt16) -> Bool { [0x28, 0x22, 0x27, 0x2018, 0x201C].contains(u) }

    private static func firstNonSpace(_ units: [UInt16], _ r: Range<Int>) -> Int? { r.first { !isSpace(units[$0]) } }
    private static func lastNonSpace(_ units: [UInt16], _ r: Range<Int>) -> Int? { r.last { !isSpace(units[$0]) } }

    private static func trimmedLength(_ units: [UInt16], _ r: Range<Int>) -> Int {
        guard let a = firstNonSpace(units, r), let b = lastNonSpace(units, r) else { return 0 }
        return b - a + 1
    }

    private static func trimmed(_ units: [UInt16], _ r: Range<Int>) -> NSRange? {
        guard let a = firstNonSpace(units, r), let b = lastNonSpace(units, r) else { return nil }
        return NSRange(location: a, length: b - a + 1)
    }
}
