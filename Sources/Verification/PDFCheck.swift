import LeakSearch
/// Searches a public PDF without OCR: each page's text layer, its metadata, its raw bytes,
/// and reports what a PDF can hide besides its pages (see `PDFInspection`).
///
/// The text layer matters most for redacted pages: they are an image over a hidden text
/// layer, and a name left in that layer is invisible on screen yet copied by any reader.
enum PDFCheck {
    static func check(path: String, file: String, matcher: LeakMatcher) -> FileResult {
        let pdf = PDFInspection(path: path, relativePath: file)
        var result = FileResult(problems: pdf.problems, pdfPages: pdf.pages.count, hasImagePages: pdf.hasImagePages)
        let document = PDFCheck.document(of: file)
        for page in pdf.pages {
            let hits = matcher.search(page.text, document: document).hits
            result.findings += Finding.from(hits, method: .textLayer, page: page.number)
        }
        for (field, value) in pdf.metadata {
            let hits = matcher.search(value, document: document).hits
            result.findings += Finding.from(hits, method: .metadata, field: field)
        }
        if let raw = PDFBytes(path: path) {
            // A string the other checks found is reported once, by the check that explains it.
            let seen = Set(result.findings.map(\.target))
            let hits = matcher.search(raw.text, document: document).hits.filter { !seen.contains($0.target) }
            result.findings += Finding.from(hits, method: .bytes)
            if raw.extraRevisions > 0 {
                result.problems.append(
                    Problem(
                        kind: .incrementalUpdate, file: file, page: nil,
                        detail: "\(raw.extraRevisions) earlier revision(s) kept in the file; text they held is still in it, rewrite the file whole"))
            }
        }
        return result
    }

    /// The input document a public PDF is the redacted copy of: `redacted/REL.pdf` is `REL.pdf`.
    static func document(of file: String) -> String? {
        file.hasPrefix("redacted/") ? String(file.dropFirst("redacted/".count)) : nil
    }
}
