import FoiaCore
import Foundation
import TextPatterns

/// The body of one communication prepared for matching, with a way back to pages and evidence.
///
/// `scan` has the same length as the body (UTF-16) so a range found in it is valid in the
/// original. In `scan`, header lines of quoted messages (`From:`, `Sent:`, `Subject:` …),
/// quote separators, titles, signatures, disclaimers and lines repeating a subject are blanked: they name topics, not
/// facts ("Subject: Detainer policy", "RE: Threats"), and mail addresses are no offense. Which
/// line is which is segmentation's finding (`Communication.bodyLineRoles`); nothing here
/// reads header labels. OCR confusions inside words are folded (see `OCRFolding`).
struct MessageText {
    let original: NSString
    let scan: PatternText
    let lines: [Range<Int>]
    let linePages: [Int]
    let sentences: [NSRange]
    /// File names from the header and from `Attachments:` lines of quoted messages.
    let attachmentNames: [String]
    /// The top-level subject as printed.
    let subject: String?
    /// Whether the top-level header lists attachments.
    let hasHeaderAttachments: Bool

    init(_ c: Communication) {
        original = c.body as NSString
        var units = Array(c.body.utf16)
        lines = MessageText.lineRanges(units)
        linePages = c.bodyLinePages
        subject = c.header.subject
        hasHeaderAttachments = !c.header.attachments.isEmpty
        let subjects = Set(([c.header.subject] + c.quoted.map(\.subject)).compactMap { $0 }.map(MessageText.topic))
            .filter { !$0.isEmpty }
        var attachments = c.header.attachments
        var boilerplate: [Range<Int>] = []
        for (index, line) in lines.enumerated() {
            let text = String(decoding: units[line], as: UTF16.self)
            let role = index < c.bodyLineRoles.count ? c.bodyLineRoles[index] : .body
            guard let kind = MessageText.furniture(text, role: role, subjects: subjects) else {
                MessageText.unquote(&units, line)
                continue
            }
            if kind == .boilerplate {
                MessageText.unquote(&units, line)
                boilerplate.append(line)
                continue
            }
            if kind == .attachments, let value = MessageText.value(of: text, role: role) {
                attachments += value.split(whereSeparator: { $0 == ";" || $0 == "," })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            for k in line { units[k] = 0x20 }
        }
        OCRFolding.fold(&units)
        // Where a paragraph ends is judged against the widest printed line, signatures and
        // footers included (they are printed in the body's width): blanking them must not
        // change where the sentences around them end.
        let widths = units
        for line in boilerplate {
            for k in line { units[k] = 0x20 }
        }
        attachmentNames = attachments
        scan = PatternText(units: units)
        sentences = SentenceSplitter.sentences(units, lines: lines, widths: widths)
    }

    // MARK: - Positions

    func lineIndex(at offset: Int) -> Int {
        var lo = 0
        var hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid].lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return max(lo, 0)
    }

    /// The page the text at `offset` was printed on, when the segmenter recorded it.
    func page(at offset: Int) -> Int? {
        let i = lineIndex(at: offset)
        return i < linePages.count ? linePages[i] : nil
    }

    /// Index into `sentences` of the sentence holding `offset`, or of the nearest one before it.
    func sentenceIndex(at offset: Int) -> Int? {
        guard !sentences.isEmpty else { return nil }
        var lo = 0
        var hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].location <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func sentence(at offset: Int) -> NSRange? {
        guard let i = sentenceIndex(at: offset) else { return nil }
        let s = sentences[i]
        return offset < s.location + s.length ? s : nil
    }

    /// The sentence around a mention, whitespace collapsed, at most `limit` characters.
    func evidence(for mention: NSRange, limit: Int = 160) -> String {
        let sentence = self.sentence(at: mention.location) ?? mention
        var start = max(sentence.location, mention.location - 60)
        let end = min(sentence.location + sentence.length, max(start + 240, mention.location + mention.length))
        var prefix = ""
        if start > sentence.location {
            // Start at a word.
            let space = original.rangeOfCharacter(
                from: .whitespacesAndNewlines, range: NSRange(location: start, length: mention.location - start))
            if space.location != NSNotFound { start = space.location + 1 }
            prefix = "…"
        }
        let raw = original.substring(with: NSRange(location: start, length: max(0, end - start)))
        var text = prefix + raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if end < sentence.location + sentence.length || text.count > limit {
            if text.count > limit - 1 { text = String(text.prefix(limit - 1)) }
            if let cut = text.lastIndex(of: " "), text.distance(from: text.startIndex, to: cut) > limit / 2 {
                text = String(text[..<cut])
            }
            text += "…"
        }
        return text
    }

    // MARK: - Preparing

    private static func lineRanges(_ units: [UInt16]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, u) in units.enumerated() where u == 0x0A {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<units.count)
        return out
    }

    enum Furniture { case header, attachments, separator, subject, boilerplate }

    /// Whether a line is mail furniture rather than something someone wrote: by the role
    /// segmentation gave it, or, for a body line, by repeating a subject of the message.
    static func furniture(_ line: String, role: LineRole, subjects: Set<String>) -> Furniture? {
        switch role.kind {
        case .header, .quotedHeader: return role.field == .attachments ? .attachments : .header
        case .title: return .header
        case .quoteSeparator, .attribution: return .separator
        case .owner, .furniture: return .separator
        // Signatures and confidentiality footers state no offense or detainer of anyone.
        case .signature, .disclaimer: return .boilerplate
        case .body, .form: break
        }
        let t = topic(line)
        if !t.isEmpty, subjects.contains(t) { return .subject }
        return nil
    }

    /// A header line's value: the text after its label, as segmentation located it.
    static func value(of line: String, role: LineRole) -> String? {
        guard let offset = role.valueOffset else { return nil }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let units = Array(trimmed.utf16)
        guard offset <= units.count else { return nil }
        return String(decoding: units[offset...], as: UTF16.self)
    }

    /// A subject without reply prefixes, lower-cased, whitespace collapsed.
    static func topic(_ s: String) -> String {
        var t = s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let r = t.range(of: #"^(re|fw|fwd|aw|wg)\s*:\s*"#, options: .regularExpression) { t.removeSubrange(r) }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// Replaces leading `>` quote markers with spaces.
    private static func unquote(_ units: inout [UInt16], _ line: Range<Int>) {
        for k in line {
            if units[k] == 0x3E {
                units[k] = 0x20
            } else if units[k] != 0x20 {
                break
            }
        }
    }
}
