import FoiaCore
import Foundation
import Rules

extension HeaderField {
    /// The order Outlook prints them in, used to guess a field whose label OCR lost.
    static let printOrder: [HeaderField] = [.from, .sent, .to, .cc, .bcc, .subject, .attachments, .importance]
}

/// One `Label: value` read from a line.
struct LabelledValue: Sendable {
    var field: HeaderField
    var value: String
    /// Index of the line's first word that belongs to the value (for its x position), or nil
    /// when the value is empty or was split off a one-line header.
    var valueWord: Int? = nil
}

/// Recognises header labels (`From:`, `Sent:`, `Subject:` …) in printed and OCR'd text.
///
/// The label words come from the pipeline file (`segmentation.header_labels`). OCR damages
/// labels in predictable ways (`Fr0m:`, `Frorn:`, `Subiect:`, `Ce:`, `Sent :`, `S ent:`), so a
/// label is matched after folding the usual confusions and allowing one edit on labels of five
/// or more letters; specks, quotes, underscores and dashes before it (`_ From:`, `“Sent:`,
/// `~ Sent _`) are skipped. The colon is required, or a lone rule token (`_`, `-`, `~`) in its
/// place: without either, "To" and "From" are ordinary words.
struct HeaderLabels: Sendable {
    private var labels: [(String, HeaderField)]

    init(labels byField: [String: [String]]) {
        var l: [(String, HeaderField)] = []
        for field in SegmentationFields.ordered(byField.keys) {
            guard let f = HeaderField(rawValue: field) else { continue }
            for n in byField[field] ?? [] where !HeaderLabels.fold(n).isEmpty { l.append((HeaderLabels.fold(n), f)) }
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
            case " ", ".", "\u{00AD}": continue
            default: out.append(c)
            }
        }
        return out
    }

    static let leadingNoise = CharacterSet(charactersIn: " \t_-–—~|.:;'‘’\"“”„«»*•·,>©®°¢^=")

    /// A token OCR reads in place of a colon or from a speck beside a label or value.
    static func isNoiseToken<S: StringProtocol>(_ token: S) -> Bool {
        !token.isEmpty && token.unicodeScalars.allSatisfy { leadingNoise.contains($0) || $0 == "\u{00AD}" }
    }

    /// The field and value of a `Label: value` line, or nil when the line is not a header line.
    func parse(_ line: String) -> (field: HeaderField, value: String)? {
        parseLabelled(line).first.map { ($0.field, $0.value) }
    }

    /// Every `Label: value` on a line: one, or several when a printout ran the header into one
    /// line (`From: X Sent: Y To: Z Subject: W`, `From: X - To: Y - Date: …`).
    func parseLabelled(_ line: String) -> [LabelledValue] {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // OCR reads specks and rule ends before a label as `_`, `-`, `|`, `‘`, `:`.
        var k = 0
        while k < words.count, HeaderLabels.isNoiseToken(words[k]) { k += 1 }
        guard k < words.count else { return [] }
        let bare = HeaderLabels.dropLeadingNoise(words[k])
        guard !bare.isEmpty else { return [] }
        var scan = words
        scan[k] = bare
        guard let first = label(in: scan, at: k) else { return [] }
        if let rest = first.rest { words[first.next] = rest }
        var out: [LabelledValue] = []
        var field = first.field
        var valueStart = first.next
        var j = valueStart
        var seen: Set<HeaderField> = [field]
        func close(_ end: Int) {
            var a = valueStart
            var b = end
            while a < b, HeaderLabels.isNoiseToken(words[a]) { a += 1 }
            while b > a, HeaderLabels.isNoiseToken(words[b - 1]) { b -= 1 }
            var value = words[a..<b].joined(separator: " ")
            if value.hasPrefix(":") { value = String(value.dropFirst()).trimmingCharacters(in: .whitespaces) }
            out.append(LabelledValue(field: field, value: value, valueWord: a < b ? a : nil))
        }
        // A later label on the same line starts another field; a subject is always last.
        while j < words.count {
            if field != .subject, j > valueStart, words[j].hasSuffix(":"), words[j].count >= 3,
                let next = label(in: words, at: j), next.rest == nil, !seen.contains(next.field), next.exact
            {
                close(j)
                field = next.field
                seen.insert(field)
                valueStart = next.next
                j = next.next
                continue
            }
            j += 1
        }
        close(words.count)
        return out
    }

    static func dropLeadingNoise(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.drop { leadingNoise.contains($0) || $0 == "\u{00AD}" }))
    }

    /// The label starting at word `k`: its field, the index of the first word after it (and
    /// after the colon or the token read in its place), whether it matched exactly, and the
    /// value's start when it is glued to the colon (`From:Kelly`).
    private func label(in words: [String], at k: Int) -> (field: HeaderField, next: Int, exact: Bool, rest: String?)? {
        // The label ends at the first colon within its first three words (`S ent:`, `Sent :`).
        for n in 0..<min(3, words.count - k) {
            let w = words[k + n]
            guard let colon = w.firstIndex(where: { $0 == ":" || $0 == ";" }) else {
                // Only pieces of a label come before its colon (`S ent:`), not `Subject _ RE:`.
                if w.allSatisfy(\.isLetter) && w.count <= 8 { continue } else { break }
            }
            let raw = (words[k..<(k + n)] + [String(w[..<colon])]).joined()
            let label = HeaderLabels.fold(raw)
            guard !label.isEmpty, label.count <= 13, raw.first?.isLetter == true,
                raw.allSatisfy({ $0.isLetter || $0.isNumber || "|!€¢.".contains($0) })
            else { return nil }
            let exact = labels.contains { $0.0 == label || $0.0 == HeaderLabels.foldShapes(label) }
            // Letters split apart (`S ent:`) must spell a label exactly: `I sent:` is prose.
            guard let field = match(label), n == 0 || exact else { return nil }
            let rest = String(w[w.index(after: colon)...])
            if !rest.isEmpty && !HeaderLabels.isNoiseToken(rest) { return (field, k + n, exact, rest) }
            return (field, k + n + 1, exact, nil)
        }
        // A colon OCR read as a rule token or lost beside a speck: `~ Sent _ Monday`,
        // `From _ Kelly`, `Fr om _ Kelly` (letters split apart must spell a label exactly).
        for m in 1...2 where k + m < words.count {
            var pieces = Array(words[k..<(k + m)])
            var core = pieces[m - 1]
            while let last = core.last, "_-~=—–.".contains(last), core.count > 1 { core.removeLast() }
            let attachedNoise = core.count < pieces[m - 1].count
            pieces[m - 1] = core
            let separated = HeaderLabels.isNoiseToken(words[k + m]) && words[k + m] != ","
            guard attachedNoise || separated else { continue }
            guard pieces.allSatisfy({ $0.allSatisfy(\.isLetter) }), pieces[0].first?.isUppercase == true else { return nil }
            let label = HeaderLabels.fold(pieces.joined())
            let exact = labels.contains { $0.0 == label || $0.0 == HeaderLabels.foldShapes(label) }
            guard let field = match(label), exact || (m == 1 && label.count >= 4) else { return nil }
            return (field, k + m + (separated ? 1 : 0), exact, nil)
        }
        return nil
    }

    /// A label whose colon OCR dropped (`Ces ‘Lindqvist, Paul`), accepted only inside a header
    /// block and only for labels that never begin an address (`From`/`To` are excluded).
    func parseWithoutColon(_ line: String) -> (field: HeaderField, value: String)? {
        let start = line.unicodeScalars.firstIndex { !HeaderLabels.leadingNoise.contains($0) } ?? line.unicodeScalars.endIndex
        let trimmed = String(line.unicodeScalars[start...])
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        var word = String(trimmed[..<space])
        if let last = word.last, ".,".contains(last), word.count >= 5 { word.removeLast() }
        guard word.first?.isUppercase == true, word.count >= 2, word.allSatisfy(\.isLetter) else { return nil }
        guard let field = match(HeaderLabels.fold(word)), [.cc, .bcc, .subject, .sent, .attachments, .importance].contains(field)
        else { return nil }
        let value = String(trimmed[trimmed.index(after: space)...]).trimmingCharacters(in: HeaderLabels.leadingNoise)
        return (field, value)
    }

    /// True when `word` reads as a damaged form of one of `field`'s labels (two edits allowed),
    /// for a line whose label OCR garbled beyond recognition but whose value sits in the column.
    func isDamagedLabel(_ word: String, of field: HeaderField) -> Bool {
        let folded = HeaderLabels.fold(word.filter { $0.isLetter || $0.isNumber })
        guard folded.count >= 2 else { return false }
        return labels.contains { $0.1 == field && editDistance($0.0, folded) <= 2 }
    }

    private func match(_ label: String) -> HeaderField? {
        for candidate in [label, HeaderLabels.foldShapes(label)] {
            if let exact = labels.first(where: { $0.0 == candidate }) { return exact.1 }
        }
        // OCR confusions common on two-letter labels: "ce"/"cc", "t0"/"to".
        if label == "ce" || label == "cec" || label == "ces" || label == "co" { return labels.first { $0.1 == .cc }?.1 }
        if label == "tor" || label == "ta" || label == "io" { return labels.first { $0.1 == .to }?.1 }
        let shaped = HeaderLabels.foldShapes(label)
        if shaped.count >= 4 {
            for (name, field) in labels where name.count >= 4 && abs(name.count - shaped.count) <= 1 {
                if editDistance(shaped, name) <= 1 { return field }
            }
        }
        return nil
    }

    /// Letter shapes OCR merges or splits: `rn` for `m`, `cl` for `d`, `vv` for `w`.
    static func foldShapes(_ s: String) -> String {
        s.replacingOccurrences(of: "rn", with: "m").replacingOccurrences(of: "cl", with: "d")
            .replacingOccurrences(of: "vv", with: "w")
    }
}

/// Field names in a stable order, so label lookups do not depend on dictionary order.
enum SegmentationFields {
    static func ordered<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        let order = HeaderField.printOrder.map(\.rawValue)
        return keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
    }
}
