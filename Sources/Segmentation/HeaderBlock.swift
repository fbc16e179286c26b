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
///
/// Outlook prints values in a column to the right of the labels. Where OCR lost or garbled a
/// label beyond recognition, a line whose words start in that column, between or just above
/// labelled lines, is still read as the field the printed order leaves for it (`Sent` when it
/// reads as a date): the block keeps its shape even when its text alone is ambiguous.
struct HeaderBlockReader: Sendable {
    let labels: HeaderLabels

    /// Core fields a lost label is guessed among (others are too rare to guess).
    static let guessable: [HeaderField] = [.from, .sent, .to, .cc, .subject]

    /// The block whose first labelled line is at `start`, or nil when that line is not a header
    /// line. The block may begin above `start` (a sender whose label was lost) but never at or
    /// before `floor`.
    func block(at start: Int, in lines: [PrintedLine], floor: Int = -1) -> HeaderBlock? {
        let firstValues = labels.parseLabelled(lines[start].text)
        guard let first = firstValues.first else { return nil }
        var fields: [HeaderField: String] = [:]
        for v in firstValues where fields[v.field] == nil { fields[v.field] = v.value }
        var order: [HeaderField] = firstValues.map(\.field)
        var columns: [Double] = []
        var labelX: [Double] = []
        func noteColumns(_ line: PrintedLine, _ v: LabelledValue) {
            if let k = v.valueWord, let x = line.x(ofWord: k) { columns.append(x) }
            if let x = firstLetterX(line) { labelX.append(x) }
        }
        // The column is read off the block's labelled lines, those below included.
        // It ends at the body: two lines running without a label, and at the next block (a
        // field printed again, or a `From:` after a line without a label): a quoted message
        // printed inline (`From: Lewin`) a line below a short reply must not set the column
        // of a block whose labels OCR lost.
        var ahead = start
        var unlabelled = 0
        var seenAhead = Set<HeaderField>()
        var sawUnlabelled = false
        while ahead < lines.count, ahead - start < 12, unlabelled < 2 {
            if !lines[ahead].isFurniture {
                let values = labels.parseLabelled(lines[ahead].text)
                if let field = values.first?.field, ahead > start,
                    seenAhead.contains(field) || (field == .from && sawUnlabelled)
                {
                    break
                }
                seenAhead.formUnion(values.map(\.field))
                if values.count == 1 { noteColumns(lines[ahead], values[0]) }
                unlabelled = values.isEmpty ? unlabelled + 1 : 0
                if values.isEmpty { sawUnlabelled = true }
            }
            ahead += 1
        }
        var last = firstValues.last!.field
        var i = start + 1
        var sawSubject = fields[.subject] != nil
        while i < lines.count {
            let line = lines[i]
            if line.isFurniture {
                i += 1
                continue
            }
            let parsed = labels.parseLabelled(line.text)
            if let next = parsed.first ?? labels.parseWithoutColon(line.text).map({ LabelledValue(field: $0.field, value: $0.value) }) {
                // A second From: starts another block.
                if fields[next.field] != nil && next.field == .from { break }
                for v in (parsed.isEmpty ? [next] : parsed) where fields[v.field] == nil {
                    fields[v.field] = v.value
                    order.append(v.field)
                }
                last = (parsed.last ?? next).field
                if fields[.subject] != nil { sawSubject = true }
                i += 1
                continue
            }
            if isContinuation(line.trimmed, of: last, value: fields[last] ?? "", sawSubject: sawSubject) {
                fields[last] = (fields[last] ?? "") + " " + line.trimmed
                i += 1
                continue
            }
            // A line whose label OCR lost, in the value column.
            let nextField = nextLabelled(after: i, in: lines)
            let after = HeaderField.printOrder.firstIndex(of: last) ?? 0
            let before = nextField.flatMap { HeaderField.printOrder.firstIndex(of: $0) } ?? HeaderField.printOrder.count
            let missing = HeaderBlockReader.guessable.filter { f in
                let p = HeaderField.printOrder.firstIndex(of: f) ?? 0
                return fields[f] == nil && p > after && p < before
            }
            // Printouts that do not keep Outlook's order (`Subject`, `From`, `Date`, `To`): any
            // missing field, when labelled lines follow.
            let anyMissing = HeaderBlockReader.guessable.filter { fields[$0] == nil }
            let wanted =
                nextField == nil
                ? missing.filter { $0 == .subject || $0 == .sent } : (missing.isEmpty ? anyMissing : missing)
            if let lost = lostLabel(line, columns: columns, labelX: labelX, wanted: wanted) {
                fields[lost.field] = lost.value
                order.append(lost.field)
                last = lost.field
                if lost.field == .subject { sawSubject = true }
                i += 1
                continue
            }
            break
        }
        // A sender (or date) just above, whose label OCR lost. When both lost their labels,
        // the one labelled line left (`Subject:`) gives the column only with them: their
        // values standing where its value stands make the column.
        var blockStart = start
        var aboveColumns = columns
        if columns.count == 1 {
            for k in [start - 1, start - 2] where k > floor && lines[k].page == lines[start].page {
                if let x = lines[k].x(ofWord: 0), labels.parse(lines[k].text) == nil { aboveColumns.append(x) }
            }
        }
        while blockStart - 1 > floor, start - blockStart < 2, lines[blockStart - 1].page == lines[start].page {
            let line = lines[blockStart - 1]
            let firstPos = HeaderField.printOrder.firstIndex(of: order.first ?? first.field) ?? 0
            let wanted = [HeaderField.from, .sent].filter { f in
                fields[f] == nil && (HeaderField.printOrder.firstIndex(of: f) ?? 0) < firstPos
            }
            guard !wanted.isEmpty, labels.parse(line.text) == nil,
                let lost = lostLabel(line, columns: aboveColumns, labelX: labelX, wanted: wanted)
            else { break }
            fields[lost.field] = lost.value
            order.insert(lost.field, at: 0)
            blockStart -= 1
        }
        let from = fields[.from] ?? ""
        // Outlook writes quoted senders as `Name [mailto:addr]` or `Name [addr]`; top-level never.
        let quotedStyle =
            from.range(of: "mailto:", options: .caseInsensitive) != nil
            || (from.contains("[") && from.contains("@"))
        return HeaderBlock(start: blockStart, end: i, fields: fields, hasMailto: quotedStyle)
    }

    /// The field of the next labelled content line after `i`, if the next one is labelled.
    private func nextLabelled(after i: Int, in lines: [PrintedLine]) -> HeaderField? {
        var j = i + 1
        while j < lines.count, lines[j].isFurniture { j += 1 }
        guard j < lines.count else { return nil }
        return labels.parse(lines[j].text)?.field
    }

    /// x of the line's first word with a letter (the label, past specks OCR put before it).
    private func firstLetterX(_ line: PrintedLine) -> Double? {
        let words = line.text.split(separator: " ")
        guard let k = words.firstIndex(where: { $0.contains(where: \.isLetter) }) else { return nil }
        return line.x(ofWord: k)
    }

    /// The value column of a block: where at least two labelled lines start their values, to
    /// within a few points.
    private func column(_ xs: [Double], tolerance: Double) -> Double? {
        guard xs.count >= 2 else { return nil }
        // The x shared by most lines (ties: the leftmost).
        var best: (x: Double, n: Int)?
        for x in xs.sorted() {
            let n = xs.filter { abs($0 - x) <= tolerance }.count
            if n >= 2, n > (best?.n ?? 0) { best = (x, n) }
        }
        return best?.x
    }

    /// Reads `line` as a header line whose label OCR lost or garbled beyond recognition: its
    /// value starts in the block's value column, and what stands before it is at most a
    /// damaged label at the label column.
    private func lostLabel(_ line: PrintedLine, columns: [Double], labelX: [Double], wanted: [HeaderField])
        -> (field: HeaderField, value: String)?
    {
        guard !wanted.isEmpty else { return nil }
        let tolerance = max(4, line.pageWidth * 0.008)
        guard let valueX = column(columns, tolerance: tolerance), let labelColumn = column(labelX, tolerance: tolerance * 2)
            ?? labelX.first
        else { return nil }
        // Tab-aligned values only: inline labels (`From: X`) leave no column to read.
        guard valueX - labelColumn >= 25 else { return nil }
        let words = line.text.split(separator: " ").map(String.init)
        // A value alone on its line may stand a little off the column (a quote OCR put before
        // it), but well right of the labels.
        let indentSlack = max(tolerance, 0.25 * (valueX - labelColumn))
        let aloneInColumn =
            line.x(ofWord: 0).map { $0 > labelColumn + 25 && abs($0 - valueX) <= indentSlack } ?? false
        guard
            let k = aloneInColumn
                ? 0 : (0..<min(3, words.count)).first(where: { abs((line.x(ofWord: $0) ?? -999) - valueX) <= tolerance })
        else { return nil }
        let garbage = words[..<k]
        if k > 0 {
            guard let x0 = line.x(ofWord: 0), abs(x0 - labelColumn) <= tolerance * 3,
                garbage.joined().filter(\.isLetter).count <= 12
            else { return nil }
        }
        var valueWords = Array(words[k...])
        while let w = valueWords.first, HeaderLabels.isNoiseToken(w) { valueWords.removeFirst() }
        guard !valueWords.isEmpty else { return nil }
        let value = valueWords.joined(separator: " ")
        if HeaderBlockReader.looksLikeDate(value) {
            if wanted.contains(.sent) { return (.sent, value) }
            return nil
        }
        guard let field = wanted.first(where: { $0 != .sent }) else { return nil }
        // A damaged label, when there is one, must read as the guessed field's.
        if k > 0, !garbage.allSatisfy(HeaderLabels.isNoiseToken), !labels.isDamagedLabel(garbage.joined(), of: field) {
            return nil
        }
        return (field, value)
    }

    /// A printed date and time (`Wednesday, May 10, 2017 2:32 PM`, `5/10/2017 14:32`).
    static func looksLikeDate(_ value: String) -> Bool {
        let lower = value.lowercased()
        guard lower.contains(where: \.isNumber) else { return false }
        if firstMatch(#"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"#, lower) != nil { return true }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let hasMonth = lower.split(whereSeparator: { !$0.isLetter }).contains { w in months.contains { w.hasPrefix($0) } }
        return hasMonth && firstMatch(#"\b\d{1,2}\s*[:.]\s*\d{2}\b|\b(19|20)\d{2}\b"#, lower) != nil
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
