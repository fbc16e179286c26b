import FoiaCore
import Foundation

/// What withholding whole pages (`withhold` decisions) does to a document's communications.
///
/// The choice, as a newsroom lawyer reads a withheld page: nothing printed on it is
/// published, and nothing published is inferred from it.
///
/// - A communication that starts on a withheld page is withheld whole: its header (sender,
///   recipients, subject, date) was printed there, so it is left out of the public records
///   and of the counts (its offenses and detainer were read from withheld text).
/// - A communication that continues onto a withheld page keeps what is printed on its other
///   pages: the body's lines from each withheld page become one line `[PAGE N WITHHELD]`,
///   and a quoted header stays only if its sender and subject are printed on a kept line. The
///   batch classifies what is left again, so its counts and evidence come only from
///   published text.
/// - The page itself is published in place, covered whole (`RedactedPage.isWithheld`), so
///   the copy keeps its page count and the page numbers every record refers to.
public enum Withholding {
    /// The line put in the body for the lines of a withheld page.
    public static func marker(page: Int) -> String { "[PAGE \(page) WITHHELD]" }

    /// Whether the communication prints anything on a withheld page.
    public static func touches(_ c: Communication, withheld pages: Set<Int>) -> Bool {
        !pages.isEmpty && (c.pageStart...max(c.pageStart, c.pageEnd)).contains(where: pages.contains)
    }

    /// The communication as it may be published with `pages` withheld; nil when it is
    /// withheld whole. Unchanged when it touches no withheld page.
    public static func apply(_ c: Communication, withheld pages: Set<Int>) -> Communication? {
        guard !pages.isEmpty else { return c }
        if pages.contains(c.pageStart) { return nil }
        guard (c.pageStart...max(c.pageStart, c.pageEnd)).contains(where: pages.contains) else { return c }
        let lines = c.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Without a page for every line the lines cannot be told apart: nothing of the body goes out.
        let known = c.bodyLinePages.count == lines.count
        var kept: [String] = []
        var keptPages: [Int] = []
        var keptRoles: [LineRole] = []
        for (i, line) in lines.enumerated() {
            let page = known ? c.bodyLinePages[i] : c.pageEnd
            if known, !pages.contains(page) {
                kept.append(line)
                keptPages.append(page)
                keptRoles.append(i < c.bodyLineRoles.count ? c.bodyLineRoles[i] : .body)
                continue
            }
            if keptPages.last != page || kept.last != marker(page: page) {
                kept.append(marker(page: page))
                keptPages.append(page)
                keptRoles.append(.body)
            }
        }
        var out = c
        if !known {
            let first = (c.pageStart...max(c.pageStart, c.pageEnd)).first(where: pages.contains) ?? c.pageEnd
            kept = [marker(page: first)]
            keptPages = [first]
            keptRoles = [.body]
        }
        out.body = kept.joined(separator: "\n")
        out.bodyLinePages = keptPages
        out.bodyLineRoles = keptRoles
        // A quoted header stays only when its sender and subject are printed on a published
        // page too (the body's kept lines): one read off a withheld page must not go out.
        let shown = fold(kept.joined(separator: " "))
        out.quoted = c.quoted.filter { q in
            [q.from, q.subject].allSatisfy { v in
                guard let v else { return true }
                let f = fold(v)
                return f.isEmpty || shown.contains(f)
            }
        }
        return out
    }

    private static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
