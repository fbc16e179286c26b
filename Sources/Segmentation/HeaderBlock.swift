import FoiaCore
import Foundation

/// A run of header lines (`From:` … `Subject:`) found among a document's content lines.
struct HeaderBlock: Sendable {
    /// Indices into the content lines: the first header line and one past the last.
    var start: Int
    var end: Int
    var fields: [HeaderField: String]
    /// True when the sender is written Outlook's quoting way, `Name [mailto:addr]`.
    var hasMailto: Bool

    var isMessageHeader: Bool {
        let has = { (f: HeaderField) in self.fields[f] != nil }
        return (has(.from) && (has(.sent) || has(.to) || has(.subject))) || (has(.sent) && has(.subject) && has(.to))
    }
}

/// Reads header blocks, joining the wrapped lines of long To / Cc lists.
struct HeaderBlockReader: Sendable {
    let labels: HeaderLabels

    /// The block starting at `start`, or nil when the line there is not a header line.
    func block(at start: Int, in lines: [PrintedLine]) -> HeaderBlock? {
        guard let first = labels.parse(lines[start].text) else { return nil }
        var fields: [HeaderField: String] = [first.field: first.value]
        var last = first.field
        var i = start + 1
        var sawSubject = first.field == .subject
        while i < lines.count {
            let line = lines[i]
            if line.isFurniture {
                i += 1
                continue
            }
            if let next = labels.parse(line.text) ?? labels.parseWithoutColon(line.text) {
                // A second From: starts another block.
                if fields[next.field] != nil && next.field == .from { break }
                if fields[next.field] == nil { fields[next.field] = next.value }
                last = next.field
                if next.field == .subject { sawSubject = true }
                i += 1
                continue
            }
            if isContinuation(line.trimmed, of: last, value: fields[last] ?? "", sawSubject: sawSubject) {
                fields[last] = (fields[last] ?? "") + " " + line.trimmed
                i += 1
                continue
            }
            break
        }
        let from = fields[.from] ?? ""
        // Outlook writes quoted senders as `Name [mailto:addr]` or `Name [addr]`; top-level never.
        let quotedStyle =
            from.range(of: "mailto:", options: .caseInsensitive) != nil
            || (from.contains("[") && from.contains("@"))
        return HeaderBlock(start: start, end: i, fields: fields, hasMailto: quotedStyle)
    }

    /// A wrapped address list continues on lines with `;`, `@` or `Last, First` names.
    private func isContinuation(_ text: String, of field: HeaderField, value: String, sawSubject: Bool) -> Bool {
        guard !text.isEmpty else { return false }
        switch field {
        case .to, .cc, .bcc, .attachments:
            let trimmedValue = value.trimmingCharacters(in: .whitespaces)
            if trimmedValue.hasSuffix(";") || trimmedValue.hasSuffix(",") { return true }
            if text.contains(";") || text.contains("@") { return true }
            if text.hasPrefix("\"") || text.hasPrefix("<") { return true }
            return false
        case .from:
            // `From: Name` wrapped before `<address>` or `[mailto:…]`.
            return text.hasPrefix("<") || text.lowercased().hasPrefix("[mailto:")
        case .subject:
            return false
        default:
            return false
        }
    }
}

/// Turns a block's raw fields into the contract's header.
struct HeaderNormaliser: Sendable {
    let dates: SentDateParser

    func header(_ block: HeaderBlock) -> MessageHeader {
        var h = MessageHeader()
        h.from = clean(block.fields[.from].map(HeaderNormaliser.mendAddresses)).map(HeaderNormaliser.trimSender)
        h.to = AddressList.split(block.fields[.to].map(HeaderNormaliser.mendAddresses))
        h.cc = AddressList.split(block.fields[.cc].map(HeaderNormaliser.mendAddresses))
        h.bcc = AddressList.split(block.fields[.bcc].map(HeaderNormaliser.mendAddresses))
        h.subject = clean(block.fields[.subject]).map(HeaderNormaliser.trimSubject)
        h.attachments = AddressList.splitAttachments(block.fields[.attachments])
        h.importance = clean(block.fields[.importance])
        if let sent = clean(block.fields[.sent]) {
            h.sentAsPrinted = sent
            h.sent = dates.normalise(sent)
        }
        return h
    }

    /// Mends e-mail addresses OCR broke up: `patrick.abernathy @ pd. boston, gov` and
    /// `<Stephen. Walsh @ice.dhs.gov>` become `patrick.abernathy@pd.boston.gov` and
    /// `<Stephen.Walsh@ice.dhs.gov>`. Only text around an `@` is touched.
    static func mendAddresses(_ s: String) -> String {
        guard s.contains("@") else { return s }
        var out = s
        let rules: [(String, String)] = [
            (#"\s*@\s*"#, "@"),
            (#"(@[A-Za-z0-9.-]*[A-Za-z0-9])\s*[.,]\s*(?=[A-Za-z])"#, "$1."),
            (#"([A-Za-z0-9])\.\s+(?=[A-Za-z0-9._-]*@)"#, "$1."),
        ]
        for (pattern, template) in rules {
            guard let re = RegexCache.shared.regex(pattern) else { continue }
            var previous = ""
            while previous != out {
                previous = out
                out = re.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
            }
        }
        return out
    }

    /// Drops what OCR reads from the gap after `Subject:` (`, RE: …`, `- RE: …`, `‘RE: …`).
    static func trimSubject(_ s: String) -> String {
        var out = Substring(s)
        while let c = out.first, ",-–—‘’'\"|.:;_~".contains(c) || c == " " { out = out.dropFirst() }
        // …and specks read after it (`Training ~`, `Weekly arrest list :`).
        var text = String(out)
        while let last = text.split(separator: " ").last, text.contains(" "),
            last.allSatisfy({ !$0.isLetter && !$0.isNumber && $0 != "?" && $0 != "!" && $0 != ")" })
        {
            text = String(text.dropLast(last.count)).trimmingCharacters(in: .whitespaces)
        }
        return text.isEmpty ? s : text
    }

    /// Drops OCR debris after a sender (`Martinez .`, `Lewin, Jonathan H. |`) but keeps the
    /// period of a trailing initial (`Walsh, Stephen B.`).
    static func trimSender(_ s: String) -> String {
        // A leading quote is kept when it opens a quoted display name (`"Kelly, Sean" <…>`).
        let opensName = s.first == "\"" && s.dropFirst().contains("\"")
        var out = (opensName ? s : trimSubject(s)).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:|"))
        while out.hasSuffix(" .") || out.hasSuffix(" ,") || out.hasSuffix(" -") || out.hasSuffix(" —") { out = String(out.dropLast(2)).trimmingCharacters(in: .whitespaces) }
        return out
    }

    func quoted(_ block: HeaderBlock) -> QuotedHeader {
        let h = header(block)
        return QuotedHeader(from: h.from, sent: h.sent, subject: h.subject)
    }

    private func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let collapsed = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " |"))
        return collapsed.isEmpty ? nil : collapsed
    }
}

/// Splits printed address lists into entries.
enum AddressList {
    /// Outlook separates entries with `;`, so `Last, First <a@b>` keeps its comma. Lists with
    /// no `;` are split at commas only where each part holds its own address.
    static func split(_ value: String?) -> [String] {
        guard let value else { return [] }
        let v = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if v.isEmpty { return [] }
        if v.contains(";") { return v.split(separator: ";").map(trim).filter { !$0.isEmpty } }
        guard v.contains("@") else { return [v] }
        // RFC lists separate with commas: split at a comma outside quotes and angle brackets
        // once the entry so far holds its address.
        var parts: [String] = []
        var current = ""
        var inQuote = false
        var inAngle = false
        for c in v {
            switch c {
            case "\"": inQuote.toggle()
            case "<": inAngle = true
            case ">": inAngle = false
            default: break
            }
            if c == "," && !inQuote && !inAngle && current.contains("@") {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.map { trim(Substring($0)) }.filter { !$0.isEmpty }
    }

    static func splitAttachments(_ value: String?) -> [String] {
        guard let value else { return [] }
        let v = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if v.isEmpty { return [] }
        let sep: Character = v.contains(";") ? ";" : ","
        return v.split(separator: sep).map(trim).filter { !$0.isEmpty }
    }

    private static func trim(_ s: Substring) -> String { s.trimmingCharacters(in: .whitespaces) }
}
