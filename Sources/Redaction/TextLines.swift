import Foundation
import TextPatterns

/// A half-open range of UTF-16 offsets in a text, the unit `TextPattern` speaks.
struct TextSpan: Hashable, Sendable, Comparable {
    var start: Int
    var end: Int

    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    init(_ range: NSRange) {
        start = range.location
        end = range.location + range.length
    }

    var nsRange: NSRange { NSRange(location: start, length: end - start) }
    var length: Int { end - start }

    func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// One printed line of a text, with the quote markers (`> `) of e-mail replies set apart.
struct TextLine: Sendable {
    /// Index of the line in the text (0-based).
    var index: Int
    /// The whole line, without its newline.
    var span: TextSpan
    /// Where the content starts after leading quote markers, bullets and OCR specks.
    var contentStart: Int
    /// The line's content, quote markers removed.
    var content: String

    /// The number of space-separated words of the content.
    var wordCount: Int

    var contentSpan: TextSpan { TextSpan(contentStart, span.end) }
    var isBlank: Bool { content.allSatisfy { $0 == " " || $0 == "\t" } }
}

/// A text split into lines once, so that every rule can ask about a line and its neighbours.
struct TextLines {
    let text: String
    let ns: PatternText
    let lines: [TextLine]

    init(_ text: String) {
        self.text = text
        ns = PatternText(text)
        var lines: [TextLine] = []
        let length = ns.length
        var start = 0
        var index = 0
        while start <= length {
            var end = start
            while end < length, ns.character(at: end) != 10 { end += 1 }
            var contentEnd = end
            if contentEnd > start, ns.character(at: contentEnd - 1) == 13 { contentEnd -= 1 }
            let cs = TextLines.contentStart(ns, start, contentEnd)
            let content = ns.substring(with: NSRange(location: cs, length: contentEnd - cs))
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
            lines.append(
                TextLine(
                    index: index, span: TextSpan(start, contentEnd), contentStart: cs, content: content, wordCount: words))
            index += 1
            if end >= length { break }
            start = end + 1
        }
        self.lines = lines
    }

    /// Skips quote markers and the specks OCR leaves at a line's start (`> `, `' > `, `| `, `_ `).
    private static func contentStart(_ ns: PatternText, _ start: Int, _ end: Int) -> Int {
        // space, tab, >, |, ', ‘, ’, _, `, •, ·, ~
        let skipped: Set<unichar> = [32, 9, 62, 124, 39, 0x2018, 0x2019, 95, 96, 0x2022, 0xB7, 126]
        var i = start
        while i < end, skipped.contains(ns.character(at: i)) { i += 1 }
        return i
    }

    func string(_ span: TextSpan) -> String { ns.substring(with: span.nsRange) }

    /// The line holding a UTF-16 offset.
    func lineIndex(at offset: Int) -> Int {
        var lo = 0
        var hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].span.start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
