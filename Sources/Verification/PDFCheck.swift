/// Searches a public PDF without OCR: each page's text layer, its metadata, its raw bytes,
/// and reports what a PDF can hide besides its pages (see `PDFInspection`).
///
/// The text layer matters most for redacted pages: they are an image over a hidden text
/// layer, and a name left in that layer is invisible on screen yet copied by any reader.
enum PDFCheck {
    static func check(path: String, file: String, matcher: LeakMatcher) -> FileResult {
        let pdf = PDFInspection(path: path, relativePath: file)
        var result = FileResult(problems: pdf.problems, pdfPages: pdf.pages.count, hasImagePages: pdf.hasImagePages)
        for page in pdf.pages {
            result.findings += Finding.from(matcher.search(page.text), method: .textLayer, page: page.number)
        }
        for (field, value) in pdf.metadata {
            result.findings += Finding.from(matcher.search(value), method: .metadata, field: field)
        }
        if let raw = PDFBytes(path: path) {
            // A string the other checks found is reported once, by the check that explains it.
            let seen = Set(result.findings.map(\.needle))
            result.findings += Finding.from(matcher.search(raw.text).filter { !seen.contains($0.needle) }, method: .bytes)
            if raw.extraRevisions > 0 {
                result.problems.append(
                    Problem(
                        kind: .incrementalUpdate, file: file, page: nil,
                        detail: "\(raw.extraRevisions) earlier revision(s) kept in the file; text they held is still in it, rewrite the file whole"))
            }
        }
        return result
    }
}
