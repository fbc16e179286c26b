import LeakSearch
import Foundation

/// Searches an HTML file (`report.html`) as a browser would show and a scraper would read it:
/// the text of every element and every attribute value, with character references decoded,
/// each searched on its own and the whole visible text searched once more for a string
/// broken across elements. The raw markup is then searched as plain text, so a string
/// written literally anywhere (a comment, a script) is found too.
///
/// Communication ids (16 lower-case hex digits, as in `communications.jsonl`'s `id`, which
/// the JSON check skips) are masked first: read as text their digits make false digit runs
/// and dates ("3fa4b21c…" holds 3, 4, 21), and the report prints hundreds of them in a row.
enum HTMLCheck {
    static func check(data: Data, file: String, matcher: LeakMatcher) -> FileResult {
        let html = HTMLText.maskIDs(String(decoding: data, as: UTF8.self))
        let parts = HTMLText.parts(html)
        var findings: [Finding] = []
        var found = Set<Int>()
        for part in parts.texts {
            let hits = matcher.search(part.text).hits.filter { !found.contains($0.target) }
            found.formUnion(hits.map(\.target))
            findings += Finding.from(hits, method: .text, line: part.line, field: "text")
        }
        for part in parts.attributes {
            let hits = matcher.search(part.text).hits.filter { !found.contains($0.target) }
            found.formUnion(hits.map(\.target))
            findings += Finding.from(hits, method: .text, line: part.line, field: "attribute \(part.name)")
        }
        let across = matcher.search(parts.texts.map(\.text).joined(separator: " ")).hits.filter {
            !found.contains($0.target)
        }
        found.formUnion(across.map(\.target))
        findings += Finding.from(across, method: .text, field: "text")
        // The markup as written: what the other readings decoded away is still searched.
        var raw = TextFileCheck.check(data: Data(html.utf8), file: file, matcher: matcher)
        raw.findings = raw.findings.filter { !found.contains($0.target) }
        return FileResult(findings: findings + raw.findings, problems: raw.problems)
    }
}

/// The text content and attribute values of an HTML document, character references decoded.
///
/// A small tokenizer, not a validating parser: tags, comments and `<!…>` declarations are
/// told apart, and everything that is not markup is text (the contents of `script`, `style`
/// and comments included, since a reader of the file sees them).
enum HTMLText {
    struct Part {
        var text: String
        var line: Int
        var name: String = ""
    }

    static func parts(_ html: String) -> (texts: [Part], attributes: [Part]) {
        let s = Array(html.unicodeScalars)
        var texts: [Part] = []
        var attributes: [Part] = []
        var i = 0
        var line = 1
        var text = String.UnicodeScalarView()
        var textLine = 1
        func flush() {
            let decoded = decode(String(text))
            if decoded.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                texts.append(Part(text: decoded, line: textLine))
            }
            text.removeAll()
        }
        func starts(_ prefix: String, at k: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard k + p.count <= s.count else { return false }
            for j in p.indices where s[k + j].properties.lowercaseMapping != String(p[j]) { return false }
            return true
        }
        while i < s.count {
            let c = s[i]
            if c == "<", i + 1 < s.count,
                s[i + 1] == "!" || s[i + 1] == "/" || s[i + 1] == "?" || s[i + 1].properties.isAlphabetic
            {
                flush()
                if starts("<!--", at: i) {
                    // A comment: its content is text.
                    var j = i + 4
                    var body = String.UnicodeScalarView()
                    let startLine = line
                    while j < s.count, !starts("-->", at: j) {
                        if s[j] == "\n" { line += 1 }
                        body.append(s[j])
                        j += 1
                    }
                    texts.append(Part(text: String(body), line: startLine))
                    i = min(s.count, j + 3)
                    textLine = line
                    continue
                }
                // A tag: read its name and attributes up to the closing `>`.
                var j = i + 1
                while j < s.count, s[j] != ">" {
                    let startLine = line
                    if s[j] == "\n" { line += 1 }
                    if s[j].properties.isWhitespace || s[j] == "/" || s[j] == "<" {
                        j += 1
                        continue
                    }
                    var name = String.UnicodeScalarView()
                    while j < s.count, !s[j].properties.isWhitespace, s[j] != "=", s[j] != ">", s[j] != "/" {
                        name.append(s[j])
                        j += 1
                    }
                    while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                    guard j < s.count, s[j] == "=" else { continue }
                    j += 1
                    while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                    var value = String.UnicodeScalarView()
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote {
                            if s[j] == "\n" { line += 1 }
                            value.append(s[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" {
                            value.append(s[j])
                            j += 1
                        }
                    }
                    attributes.append(Part(text: decode(String(value)), line: startLine, name: String(name)))
                }
                i = j + 1
                textLine = line
                continue
            }
            if c == "\n" { line += 1 }
            if text.isEmpty { textLine = line }
            text.append(c)
            i += 1
        }
        flush()
        return (texts, attributes)
    }

    /// Replaces every word of exactly 16 lower-case hex digits, letters and digits both, with
    /// the placeholder barrier (see `PlaceholderMask`).
    static func maskIDs(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        func flush() {
            let hex = word.count == 16 && word.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            if hex && word.contains(where: { ("a"..."f").contains($0) })
                && word.contains(where: { ("0"..."9").contains($0) })
            {
                out.append(contentsOf: PlaceholderMask.barrier.unicodeScalars)
            } else {
                out.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                word.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return String(out)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "shy": "", "zwj": "", "zwnj": "",
    ]

    /// Decodes `&amp;`, `&#39;`, `&#x41;` and the other common references.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = String(after[..<semi])
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[name]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
