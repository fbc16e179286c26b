import FoiaCore
import LeakSearch
/// Searches a public PDF without OCR: each page's text layer, its metadata, its raw bytes,
/// and reports what a PDF can hide besides its pages (see `PDFInspection`).
///
/// The text layer matters most for redacted pages: they are an image over a hidden text
/// layer, and a name left in that layer is invisible on screen yet copied by any reader.
enum PDFCheck {
    /// - Parameter withheld: pages of the document the reviewer withheld whole (the audit's
    ///   `reviewer_withheld` lines): each must be in the copy and show no image and no text
    ///   but the notice.
    static func check(path: String, file: String, matcher: LeakMatcher, withheld: Set<Int> = []) -> FileResult {
        let pdf = PDFInspection(path: path, relativePath: file)
        var result = FileResult(problems: pdf.problems, pdfPages: pdf.pages.count, hasImagePages: pdf.hasImagePages)
        let document = PDFCheck.document(of: file)
        if pdf.problems.allSatisfy({ $0.kind != .unreadable || $0.page != nil }) {
            result.problems += requiredBlank(pdf, withheld: withheld, file: file)
        }
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

    /// The problems of withheld pages that show something: a withheld page must be in the
    /// copy (the page count is the source's), hold no image and no text but the notice.
    static func requiredBlank(_ pdf: PDFInspection, withheld: Set<Int>, file: String) -> [Problem] {
        var out: [Problem] = []
        let notice = WithheldNotice.reviewLabel.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for number in withheld.sorted() {
            guard let page = pdf.pages.first(where: { $0.number == number }) else {
                out.append(
                    Problem(
                        kind: .withheldPageShown, file: file, page: number,
                        detail: "the page was withheld but the copy has no such page; the copy must keep the source's pages"))
                continue
            }
            let text = page.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if page.hasImage || !(text.isEmpty || text == notice) {
                out.append(
                    Problem(
                        kind: .withheldPageShown, file: file, page: number,
                        detail: "the page was withheld but the copy shows "
                            + (page.hasImage ? "an image" : "text besides the notice")
                            + "; publish again (foiapipe run or review's Publish) before releasing it"))
            }
        }
        return out
    }

    /// The input document a public PDF is the redacted copy of: `redacted/REL.pdf` is `REL.pdf`.
    static func document(of file: String) -> String? {
        file.hasPrefix("redacted/") ? String(file.dropFirst("redacted/".count)) : nil
    }
}
