import FoiaCore
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
///
/// What a line is (a quoted message's `From:` line, a `Subject:` line, an attribution, a
/// title) is segmentation's finding, handed over as `LineRole`s with the text: redaction
/// reads header labels from nowhere else. A text without roles (a header value, an evidence
/// snippet) is read as prose.
struct ScanContext {
    let lines: TextLines
    let tokens: [WordToken]
    let parser: NameParser
    let field: FieldKind
    let rules: PIIRules
    /// The line of each word token.
    let tokenLine: [Int]
    /// The role of each line (`.body` for a line segmentation gave none).
    let roles: [LineRole]
    /// Lines naming parties: `From:`/`To:`/`Cc:`/`Bcc:` lines of quoted messages and attributions.
    private(set) var partyLines = Set<Int>()
    /// Lines stating a subject: `Subject:` lines and titles (`RE: …`).
    private(set) var subjectLines = Set<Int>()
    /// Lines inside officials' signature blocks (names, titles, agency, office phones, address).
    var signatureLines = Set<Int>()

    var ns: PatternText { lines.ns }
    var text: String { lines.text }

    init(_ text: String, field: FieldKind, rules: PIIRules, roles: [LineRole] = []) {
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
        self.roles = field == .body ? roles : []
        for (index, role) in self.roles.enumerated() where index < lines.lines.count {
            if role.namesParties {
                partyLines.insert(index)
            } else if role.statesSubject {
                subjectLines.insert(index)
            }
        }
    }

    /// The role segmentation gave a line.
    func role(ofLine index: Int) -> LineRole { index < roles.count ? roles[index] : .body }

    /// The value of a header line or title (after its label or prefix), or the line's content
    /// when the whole line is the value (a wrapped `To:` list, an attribution).
    func valueSpan(ofLine index: Int) -> TextSpan {
        let line = lines.lines[index]
        guard let offset = role(ofLine: index).valueOffset else { return line.contentSpan }
        // Roles count from the line's first printed character.
        var start = line.span.start
        while start < line.span.end, ns.character(at: start) == 0x20 || ns.character(at: start) == 0x09 { start += 1 }
        return TextSpan(min(start + offset, line.span.end), line.span.end)
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
