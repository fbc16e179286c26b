import FoiaCore
import Foundation
import TextPatterns

/// The body of one communication prepared for matching, with a way back to pages and evidence.
///
/// `scan` has the same length as the body (UTF-16) so a range found in it is valid in the
/// original. In `scan`, header lines of quoted messages (`From:`, `Sent:`, `Subject:` …),
/// reply separators and lines repeating a subject are blanked: they name topics, not facts
/// ("Subject: Detainer policy", "RE: Threats"), and mail addresses are no offense. OCR
/// confusions inside words are folded (see `OCRFolding`).
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
        for line in lines {
            let text = String(decoding: units[line], as: UTF16.self)
            guard let kind = MessageText.furniture(text, subjects: subjects) else {
                MessageText.unquote(&units, line)
                continue
            }
            if kind == .attachments, let colon = text.firstIndex(of: ":") {
                attachments += text[text.index(after: colon)...].split(whereSeparator: { $0 == ";" || $0 == "," })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            for k in line { units[k] = 0x20 }
        }
        OCRFolding.fold(&units)
        attachmentNames = attachments
        scan = PatternText(units: units)
        sentences = SentenceSplitter.sentences(units, lines: lines)
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

    enum Furniture { case header, attachments, separator, subject }

    private static let headerLine = try? TextPattern(
        pattern: #"^[\s>]*(from|sent|date|to|cc|bcc|subject|importance|re|fw|fwd)\s*:"#, options: [.caseInsensitive])
    private static let attachmentLine = try? TextPattern(
        pattern: #"^[\s>]*attachments?\s*:"#, options: [.caseInsensitive])
    private static let separatorLine = try? TextPattern(
        pattern: #"^[\s>]*(-{3,}.*-{3,}|_{5,}|begin forwarded message:?|on .{4,120}\bwrote:)\s*$"#,
        options: [.caseInsensitive])

    /// Whether a line is mail furniture rather than something someone wrote.
    static func furniture(_ line: String, subjects: Set<String>) -> Furniture? {
        let text = PatternText(line)
        if attachmentLine?.firstMatch(in: text) != nil { return .attachments }
        if headerLine?.firstMatch(in: text) != nil { return .header }
        if separatorLine?.firstMatch(in: text) != nil { return .separator }
        let t = topic(line)
        if !t.isEmpty, subjects.contains(t) { return .subject }
        return nil
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
