import Foundation

/// The header fields an email printout labels.
enum HeaderField: String, Sendable, CaseIterable {
    case from, sent, to, cc, bcc, subject, attachments, importance
}

/// Recognises header labels (`From:`, `Sent:`, `Subject:` …) in printed and OCR'd text.
///
/// OCR damages labels in predictable ways (`Fr0m:`, `Subiect:`, `Ce:`, `Sent :`), so a label is
/// matched after folding the usual confusions and allowing one edit on labels of five or more
/// letters. The colon is required: without it "To" and "From" are ordinary words.
struct HeaderLabels: Sendable {
    private var labels: [(String, HeaderField)]

    init(extra: [String: [String]] = [:]) {
        var l: [(String, HeaderField)] = [
            ("from", .from), ("sent", .sent), ("date", .sent), ("to", .to), ("cc", .cc), ("bcc", .bcc),
            ("subject", .subject), ("subj", .subject), ("re", .subject), ("attachments", .attachments),
            ("attachment", .attachments), ("attach", .attachments), ("importance", .importance),
        ]
        for (field, names) in extra {
            guard let f = HeaderField(rawValue: field) else { continue }
            for n in names { l.append((HeaderLabels.fold(n), f)) }
        }
        labels = l
    }

    /// Folds OCR confusions: digits that look like letters, case, spaces inside the label.
    static func fold(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            switch c {
            case "0": out.append("o")
            case "1", "|", "!": out.append("l")
            case "5": out.append("s")
            case "€": out.append("e")
            case "¢": out.append("c")
            case " ", ".": continue
            default: out.append(c)
            }
        }
        return out
    }

    static let leadingNoise = CharacterSet(charactersIn: " \t_-–—~|.:;'‘’\"*•·,>©®°¢")

    /// The field and value of a `Label: value` line, or nil when the line is not a header line.
    func parse(_ line: String) -> (field: HeaderField, value: String)? {
        // OCR reads specks and rule ends before a label as `_`, `-`, `|`, `‘`, `:`.
        let start = line.unicodeScalars.firstIndex { !HeaderLabels.leadingNoise.contains($0) } ?? line.unicodeScalars.endIndex
        let trimmed = String(line.unicodeScalars[start...]).trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(where: { $0 == ":" || $0 == ";" }) else { return nil }
        let rawLabel = String(trimmed[..<colon])
        guard rawLabel.count <= 13, !rawLabel.isEmpty, rawLabel.first?.isLetter == true else { return nil }
        let label = HeaderLabels.fold(rawLabel)
        guard let field = match(label) else { return nil }
        // "Re:" only labels a subject when it stands alone as a label (not "RE: Asset" in a body).
        if label == "re" { return nil }
        var value = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        if value.hasPrefix(":") { value = String(value.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return (field, value)
    }

    /// A label whose colon OCR dropped (`Ces ‘Lindqvist, Paul`), accepted only inside a header
    /// block and only for labels that never begin an address (`From`/`To` are excluded).
    func parseWithoutColon(_ line: String) -> (field: HeaderField, value: String)? {
        let start = line.unicodeScalars.firstIndex { !HeaderLabels.leadingNoise.contains($0) } ?? line.unicodeScalars.endIndex
        let trimmed = String(line.unicodeScalars[start...])
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let word = String(trimmed[..<space])
        guard word.first?.isUppercase == true, word.count >= 2, word.allSatisfy(\.isLetter) else { return nil }
        guard let field = match(HeaderLabels.fold(word)), [.cc, .bcc, .subject, .sent, .attachments, .importance].contains(field)
        else { return nil }
        let value = String(trimmed[trimmed.index(after: space)...]).trimmingCharacters(in: HeaderLabels.leadingNoise)
        return (field, value)
    }

    private func match(_ label: String) -> HeaderField? {
        if let exact = labels.first(where: { $0.0 == label }) { return exact.1 }
        // OCR confusions common on labels: "ce"/"cc", "t0"/"to".
        if label == "ce" || label == "cec" || label == "ces" || label == "co" { return .cc }
        if label == "tor" || label == "ta" || label == "io" { return .to }
        if label.count >= 4 {
            for (name, field) in labels where name.count >= 4 && abs(name.count - label.count) <= 1 {
                if editDistance1(label, name) { return field }
            }
        }
        return nil
    }

    private func editDistance1(_ a: String, _ b: String) -> Bool {
        let a = Array(a)
        let b = Array(b)
        if a == b { return true }
        if a.count == b.count { return zip(a, b).filter { $0 != $1 }.count == 1 }
        let (s, l) = a.count < b.count ? (a, b) : (b, a)
        guard l.count - s.count == 1 else { return false }
        var i = 0
        var j = 0
        var skipped = false
        while i < s.count && j < l.count {
            if s[i] == l[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }
}
