import FoiaCore
import Foundation

/// Reads the header of a message printed from a web mail page (Gmail, Outlook Web App), which
/// labels neither its sender nor its subject.
///
/// The browser prints the page title on top (`Invisible Institute Mail - Fw: FOIA Update`,
/// `Illinois Freedom of Information Act … Page 1 of 2`), then the page shows the subject, then
/// the sender (`Sam Stecklow`, `Name <addr>   Wed, Aug 30, 2017 at 1:15 PM`,
/// `addr Reply all |`), then possibly the date and the recipients. The title repeating the
/// subject is what tells this shape from a letter or a form.
struct WebPrintoutReader: Sendable {
    let labels: HeaderLabels

    /// The header starting with the browser title at `i` (the first content line of its
    /// page), or nil.
    func block(at i: Int, in lines: [PrintedLine]) -> HeaderBlock? {
        guard i + 2 < lines.count else { return nil }
        let page = lines[i].page
        let titleText = lines[i].trimmed
        let title = Segmenter.alnum(titleText)
        // A browser title: `Site - Subject`, or the subject with the page count or print date.
        let isBrowserTitle =
            titleText.contains(" - ")
            || firstMatch(#"(?i)\bpage\s+\d+\s+of\s+\d+\s*$|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\s*[ap]m\b"#, titleText) != nil
        guard isBrowserTitle, labels.parse(lines[i].text) == nil else { return nil }
        // Gmail prints the account's address between the title and the subject.
        var s = i + 1
        if lines[s].trimmed.contains("@"), Segmenter.alnum(lines[s].trimmed).count < title.count, s + 1 < lines.count {
            if !title.contains(Segmenter.alnum(lines[s].trimmed)) || Segmenter.alnum(lines[s].trimmed).count < 6 { s += 1 }
        }
        let subjectLine = lines[s]
        let subject = subjectLine.trimmed
        let subjectKey = Segmenter.alnum(subject)
        // The title is the subject after the site's name (`Site Mail - Subject`), or mostly the subject.
        let titled = titleText.contains(" - ") ? title.hasSuffix(subjectKey) : Double(subjectKey.count) >= 0.5 * Double(title.count)
        guard subjectLine.page == page, subjectKey.count >= 6, titled, title.contains(subjectKey), labels.parse(subject) == nil
        else { return nil }
        var j = s + 1
        // Gmail prints a message count (`1 message`) between the subject and the sender.
        if j < lines.count, lines[j].page == page, lines[j].trimmed.first?.isNumber == true,
            lines[j].trimmed.split(separator: " ").count <= 3
        {
            j += 1
        }
        guard j < lines.count, lines[j].page == page, let sender = WebPrintoutReader.sender(lines[j].trimmed, labels: labels)
        else { return nil }
        var fields: [HeaderField: String] = [.subject: subject, .from: sender.from]
        if let sent = sender.sent { fields[.sent] = sent }
        j += 1
        // The date on its own line, then labelled recipients (`To:`, `Cc:`).
        if fields[.sent] == nil, j < lines.count, lines[j].page == page, WebPrintoutReader.isDateLine(lines[j].trimmed) {
            fields[.sent] = resolveRelative(lines[j].trimmed, page: page, in: lines)
            j += 1
        }
        while j < lines.count, lines[j].page == page, let parsed = labels.parse(lines[j].text),
            [.to, .cc, .bcc].contains(parsed.field), fields[parsed.field] == nil
        {
            fields[parsed.field] = parsed.value
            j += 1
        }
        return HeaderBlock(start: i, end: j, fields: fields, hasMailto: false)
    }

    /// The sender line: a display name, an address, or both, possibly followed by the date
    /// (Gmail) or by the page's buttons (`Reply all |`, Outlook Web App).
    static func sender(_ text: String, labels: HeaderLabels) -> (from: String, sent: String?)? {
        guard labels.parse(text) == nil, text.count <= 120 else { return nil }
        if let at = text.firstIndex(of: "@") {
            // Up to the end of the address (and its closing bracket).
            var end = text[at...].firstIndex(where: { $0 == " " || $0 == ">" }) ?? text.endIndex
            if end < text.endIndex, text[end] == ">" { end = text.index(after: end) }
            let from = String(text[..<end]).trimmingCharacters(in: .whitespaces)
            let rest = String(text[end...]).trimmingCharacters(in: CharacterSet(charactersIn: " |"))
            guard from.split(separator: " ").count <= 6 else { return nil }
            return (from, HeaderBlockReader.looksLikeDate(rest) ? rest : nil)
        }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }),
            text.allSatisfy({ $0.isLetter || " .,'’-".contains($0) })
        else { return nil }
        return (text, nil)
    }

    /// `Today, 10:59 AM`, `Yesterday 3:01 PM` or a full date and time.
    static func isDateLine(_ text: String) -> Bool {
        if HeaderBlockReader.looksLikeDate(text) { return text.count <= 60 }
        return text.count <= 30 && firstMatch(#"^[A-Za-z]+,?\s+\d{1,2}[:.]\d{2}\s*([AaPp]\.?[Mm]\.?)?$"#, text) != nil
    }

    /// A date printed relative to the day of printing (`Today, 10:59 AM`) gets that day from
    /// the browser's header or footer line on the same page (`… 6/22/2018`).
    private func resolveRelative(_ text: String, page: Int, in lines: [PrintedLine]) -> String {
        guard !HeaderBlockReader.looksLikeDate(text), let time = firstMatch(#"\d{1,2}[:.]\d{2}\s*([AaPp]\.?[Mm]\.?)?"#, text)?[0]
        else { return text }
        let onPage = lines.filter { $0.page == page }
        for line in [onPage.last, onPage.first].compactMap({ $0 }) {
            if let d = firstMatch(#"\b(\d{1,2}/\d{1,2}/\d{4})\s*$"#, line.trimmed) { return "\(d[1]) \(time)" }
        }
        return text
    }
}
