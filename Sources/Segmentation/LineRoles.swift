import FoiaCore
import Foundation
import Rules

/// Reads what a printed line is from its text: a header line (label and value), a quote
/// separator, an attribution (`On …, Name wrote:`), a title (`RE: …`) or body text.
///
/// This is the one place header labels, quote separators and reply prefixes are matched; all
/// of them come from the pipeline file (`segmentation.header_labels`, `quote_separators`,
/// `reply_prefixes`). The segmenter refines these roles with what only the whole document
/// shows (a header block's wrapped lines, which message is top-level) and hands them over
/// with each communication; pages read on their own get the roles of `roles(of:)`.
public struct LineRoleReader: Sendable {
    let labels: HeaderLabels
    /// Letters of the lines that open a quoted message (`originalmessage`, `forwardedmessage`).
    let separators: [String]
    /// Reply and forward prefixes, lower-cased (`re`, `fw`, `fwd`).
    let replyPrefixes: Set<String>

    public init(config: SegmentationConfig) {
        labels = HeaderLabels(labels: config.headerLabels)
        separators = config.quoteSeparators.map { LineRoleReader.letters($0) }.filter { !$0.isEmpty }
        replyPrefixes = Set(config.replyPrefixes.map { $0.lowercased() })
    }

    /// The roles of consecutive lines (a body or a page's text split at newlines). An
    /// attribution wrapped over two lines gives both lines the role.
    public func roles<S: Sequence>(of lines: S) -> [LineRole] where S.Element: StringProtocol {
        let texts = lines.map { PrintedLine.trim(String($0)) }
        var out = texts.map(role(of:))
        for k in texts.indices.dropLast() where out[k].kind == .body && out[k + 1].kind != .attribution {
            if texts[k].lowercased().hasPrefix("on "), LineRoleReader.isWroteLine(texts[k + 1]) {
                out[k] = LineRole(.attribution)
                out[k + 1] = LineRole(.attribution)
            }
        }
        return out
    }

    /// The role of one line by its text alone (header lines as `.header`).
    public func role(of raw: String) -> LineRole {
        let text = PrintedLine.trim(raw)
        guard !text.isEmpty else { return .body }
        if let first = labels.parseLabelled(text).first {
            return LineRole(.header, field: first.field, valueOffset: valueOffset(of: first, in: text))
        }
        // A quoted sender written Outlook's way (`Name [mailto:addr]`) whose label OCR lost.
        if text.range(of: "[mailto:", options: .caseInsensitive) != nil { return LineRole(.header, field: .from) }
        if LineRoleReader.isWroteLine(text) {
            return LineRole(text.lowercased().hasPrefix("on ") ? .attribution : .quoteSeparator)
        }
        if isSeparator(text) { return LineRole(.quoteSeparator) }
        if let offset = replyPrefixEnd(text) { return LineRole(.title, valueOffset: offset) }
        return .body
    }

    /// Where a parsed value starts in the line (UTF-16 offset), or the line's end when the
    /// value is empty.
    private func valueOffset(of value: LabelledValue, in text: String) -> Int {
        let units = Array(text.utf16)
        guard let k = value.valueWord else { return units.count }
        // The words as `parseLabelled` split them: runs of non-spaces.
        var words: [Range<Int>] = []
        var start: Int?
        for (i, u) in units.enumerated() {
            if u == 0x20 {
                if let s = start { words.append(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { words.append(s..<units.count) }
        guard k < words.count else { return units.count }
        let word = String(decoding: units[words[k]], as: UTF16.self)
        // A value glued to its label's colon (`From:Kelly`) starts after the colon.
        if !value.value.hasPrefix(word), let colon = units[words[k]].firstIndex(where: { $0 == 0x3A || $0 == 0x3B }) {
            return colon + 1
        }
        return words[k].lowerBound
    }

    /// After a reply or forward prefix and its colon (`RE: …`, `> FW: …`), the offset of what
    /// follows; nil when the line does not start with one.
    private func replyPrefixEnd(_ text: String) -> Int? {
        guard !replyPrefixes.isEmpty else { return nil }
        let ns = text as NSString
        var i = 0
        while i < ns.length, ns.character(at: i) == 0x3E || ns.character(at: i) == 0x20 { i += 1 }
        var j = i
        while j < ns.length, let s = Unicode.Scalar(ns.character(at: j)), CharacterSet.letters.contains(s) { j += 1 }
        guard j > i, j - i <= 5 else { return nil }
        let prefix = ns.substring(with: NSRange(location: i, length: j - i)).lowercased()
        guard replyPrefixes.contains(prefix) else { return nil }
        var k = j
        while k < ns.length, ns.character(at: k) == 0x20 { k += 1 }
        guard k < ns.length, ns.character(at: k) == 0x3A || ns.character(at: k) == 0x3B else { return nil }
        return k + 1
    }

    // MARK: - Separators

    static func letters(_ s: String) -> String { String(s.lowercased().filter(\.isLetter)) }

    /// `… wrote:` (the end of an attribution line).
    static func isWroteLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasSuffix("wrote:") || lower.hasSuffix("wrote :")
    }

    /// A line opening a quoted or forwarded message: a separator phrase of the pipeline file
    /// set off by rule characters (or alone, or ending in a colon), an attribution, or a rule.
    func isSeparator(_ text: String) -> Bool {
        let letters = LineRoleReader.letters(text)
        // A separator line is the phrase set off by rule characters (or alone, or ending in a
        // colon), not a sentence that uses the words.
        let ruled = text.contains("--") || text.contains("__") || text.contains("\u{00AD}") || text.contains("—")
            || text.contains("==") || text.hasSuffix(":")
        for phrase in separators {
            if letters == phrase || (ruled && letters.count <= 60 && letters.contains(phrase)) { return true }
        }
        if LineRoleReader.isWroteLine(text) { return true }
        let rule = text.filter { !$0.isWhitespace && $0 != "\u{00AD}" }
        return rule.count >= 8 && rule.allSatisfy { "_-=—–‐‑‒―─━~".contains($0) }
    }
}
