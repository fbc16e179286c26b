import Foundation

/// Every regular file under `public/`, in a stable order, with how it is to be read.
struct PublicFiles {
    enum Kind: Sendable {
        case pdf
        case jsonLines
        case html
        case sqlite
        case other
    }

    struct File: Sendable {
        var path: String
        /// Relative to `public/`, as reports name it.
        var relativePath: String
        var kind: Kind
    }

    /// Files a run publishes: the records, the counts, the redacted PDFs, and the analyst's
    /// report, database and metadata. Anything else under `public/` (a copied
    /// `pseudonym.key`, a reviewer's notes, a stray export) was put there by hand and is
    /// reported, because nothing checks it is safe to publish.
    static let publishedNames: Set<String> = [
        "communications.jsonl", "counts.csv", "report.html", "foiapipe.sqlite", "metadata.json",
    ]

    /// Whether a path relative to `public/` is one of the kinds a run publishes.
    static func isPublishedKind(_ relativePath: String) -> Bool {
        if publishedNames.contains(relativePath) { return true }
        return relativePath.hasPrefix("redacted/") && relativePath.lowercased().hasSuffix(".pdf")
    }

    /// Lists files recursively, hidden ones included: a stray `.DS_Store` or editor backup
    /// is published as surely as the rest.
    static func list(_ root: URL) throws(VerificationError) -> [File] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { throw .unreadable(path: root.path) }
        let base = root.standardizedFileURL.path
        var files: [File] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            var relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
            while relative.hasPrefix("/") { relative.removeFirst() }
            let ext = url.pathExtension.lowercased()
            var kind: Kind = ext == "pdf" ? .pdf : (ext == "jsonl" || ext == "ndjson" ? .jsonLines : .other)
            if ext == "html" || ext == "htm" || ext == "xhtml" || ext == "svg" { kind = .html }
            // A database is one by its first bytes, whatever it is called.
            if kind == .other, let h = FileHandle(forReadingAtPath: path) {
                if (try? h.read(upToCount: SQLiteCheck.magic.count)) == SQLiteCheck.magic { kind = .sqlite }
                try? h.close()
            }
            files.append(File(path: path, relativePath: relative, kind: kind))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}
