import Foundation
import TextPatterns

/// Which part of a communication a text is, since rules read each differently.
enum FieldKind: Sendable {
    /// A body, or a whole page's text: lines of every sort, header lines of quoted messages included.
    case body
    /// A `From`/`To`/`Cc`/`Bcc` value: one or more parties, `Name <address>`.
    case party
    /// A subject line: usually names the case or the person it is about.
    case subject
    /// An attachment's file name (`ALVAREZ I-247A.pdf`).
    case attachment
}

/// One text prepared for the rules: its lines, its words, and what kind of line each is.
struct ScanContext {
    let lines: TextLines
    let tokens: [WordToken]
    let parser: NameParser
    let field: FieldKind
    let rules: PIIRules
    /// The line of each word token.
    let tokenLine: [Int]
    /// Lines that are `From:`/`To:`/`Cc:` headers of quoted messages or `… wrote:` lines.
    private(set) var partyLines = Set<Int>()
    /// Lines that are `Subject:` headers.
    private(set) var subjectLines = Set<Int>()
    /// Lines inside officials' signature blocks (names, titles, agency, office phones, address).
    var signatureLines = Set<Int>()

    var ns: PatternText { lines.ns }
    var text: String { lines.text }

    static let partyLabel = try! TextPattern(
        pattern: #"^(?:From|Fr[o0]m|To|Cc|Ce|Ces|Bcc|Sent\s+by|Reply-To)\s*[:;]"#, options: [.caseInsensitive])
    static let wroteLine = try! TextPattern(pattern: #"^On\s.{4,160}\bwrote:?\s*$"#, options: [])
    static let subjectLabel = try! TextPattern(
        pattern: #"^(?:Subject|Subj|Sub[il]ect|Re)\s*[:;]"#, options: [.caseInsensitive])

    init(_ text: String, field: FieldKind, rules: PIIRules) {
        lines = TextLines(text)
        tokens = WordTokenizer.tokenize(lines.ns)
        parser = NameParser(tokens: tokens, lexicon: rules.lexicon)
        self.field = field
        self.rules = rules
        var tokenLine: [Int] = []
        tokenLine.reserveCapacity(tokens.count)
        var li = 0
        for t in tokens {
            while li + 1 < lines.lines.count, lines.lines[li + 1].span.start <= t.span.start { li += 1 }
            tokenLine.append(li)
        }
        self.tokenLine = tokenLine
        guard field == .body else { return }
        for line in lines.lines where !line.isBlank {
            // A line's content is searched in place: the region's bounds are opaque and
            // anchoring, so `^`, `$` and look-arounds see only the line, as on its own string.
            let range = line.contentSpan.nsRange
            if ScanContext.partyLabel.firstMatch(in: lines.ns, range: range) != nil
                || ScanContext.wroteLine.firstMatch(in: lines.ns, range: range) != nil
                || line.content.contains("[mailto:")
            {
                partyLines.insert(line.index)
            } else if ScanContext.subjectLabel.firstMatch(in: lines.ns, range: range) != nil {
                subjectLines.insert(line.index)
            }
        }
    }

    /// The span after a header line's label (`From: ` … end of line).
    func valueSpan(ofLine index: Int, label: TextPattern) -> TextSpan? {
        let line = lines.lines[index]
        guard let m = label.firstMatch(in: ns, range: line.contentSpan.nsRange) else { return nil }
        return TextSpan(m.range.location + m.range.length, line.span.end)
    }

    /// The first word starting at or after a text offset.
    func token(atOrAfter offset: Int) -> Int? {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count ? lo : nil
    }

    /// The last word ending at or before a text offset.
    func token(endingAtOrBefore offset: Int) -> Int? {
        guard let next = token(atOrAfter: offset) else { return tokens.isEmpty ? nil : tokens.count - 1 }
        var i = next - 1
        while i >= 0, tokens[i].span.end > offset { i -= 1 }
        return i >= 0 ? i : nil
    }

    func lineOf(offset: Int) -> Int { lines.lineIndex(at: offset) }

    func isHeaderLine(_ index: Int) -> Bool { partyLines.contains(index) || subjectLines.contains(index) }

    func string(_ span: TextSpan) -> String { lines.string(span) }

    /// Whether a line's content (quote markers left out) matches, searched in place: the
    /// region's opaque, anchoring bounds make `^`, `$` and look-arounds see only the line.
    func lineHas(_ regex: TextPattern?, _ index: Int) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: ns, range: lines.lines[index].contentSpan.nsRange) != nil
    }

    func matches(_ regex: TextPattern, in span: TextSpan? = nil) -> [PatternMatch] {
        regex.matches(in: ns, options: [.withTransparentBounds], range: (span ?? TextSpan(0, ns.length)).nsRange)
    }
}
