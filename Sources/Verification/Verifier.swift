import LeakSearch
import FoiaCore
import Foundation

/// `foiapipe verify DIR`: proves that no audited original string can be recovered from
/// `DIR/public`.
///
/// Every file under `public/` is read, whatever its type: JSON lines value by value, PDFs
/// through their text layer, metadata, raw bytes and (unless `ocr` is off) OCR of their
/// rendered pages, HTML by its text and attribute values (`HTMLCheck`), SQLite databases
/// cell by cell (`SQLiteCheck`), anything else as text; every file's name is searched too. What is
/// searched for is every `original` in `DIR/private/audit.jsonl` (see `AuditIndex` and
/// `TargetPatterns` for the matching rules). The check never writes anything.
public struct Verifier: Sendable {
    public var jobs: Int
    public var ocr: Bool
    /// The word list whose lower-case words get the capital rule (see `CommonWords`).
    public var commonWordsPath: String

    /// - Parameters:
    ///   - jobs: worker threads for OCR and the other checks (OCR costs about 1.5 s a page,
    ///     so this is what makes verifying a large dump bearable).
    ///   - ocr: false skips OCR, for a quick check; images then go unchecked, which the
    ///     report says.
    public init(jobs: Int, ocr: Bool = true, commonWordsPath: String = "/usr/share/dict/words") {
        self.jobs = max(1, jobs)
        self.ocr = ocr
        self.commonWordsPath = commonWordsPath
    }

    public func verify(directory: String) throws(VerificationError) -> VerificationReport {
        let root = URL(fileURLWithPath: directory)
        let auditPath = root.appendingPathComponent("private/audit.jsonl").path
        let publicURL = root.appendingPathComponent("public")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: publicURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .missingPublic(path: publicURL.path) }
        guard FileManager.default.fileExists(atPath: auditPath) else { throw .missingAudit(path: auditPath) }
        let entries = try AuditEntry.load(path: auditPath)
        let index = AuditIndex(entries: entries, commonWords: CommonWords(path: commonWordsPath))
        let files = try PublicFiles.list(publicURL)

        var report = VerificationReport()
        report.ocr = ocr
        report.originalsSearched = index.matcher.targets.count
        report.originalsSkipped = index.skipped
        report.filesChecked = files.count
        for f in files where !PublicFiles.isPublishedKind(f.relativePath) {
            report.problems.append(
                Problem(
                    kind: .unpublishedFile, file: f.relativePath, page: nil,
                    detail: "foiapipe publishes no such file; move it out of public/ (keys and notes belong in private/)"))
        }

        let matcher = index.matcher
        let jobs = self.jobs
        // Pages withheld whole by the reviewer are required blank but for the notice.
        var withheldPages: [String: Set<Int>] = [:]
        for e in entries where e.rule == WithheldNotice.rule {
            if let path = e.path, let page = e.page { withheldPages["redacted/" + path, default: []].insert(page) }
        }
        let withheld = withheldPages
        // PDFs are spread over the workers; JSON lines spread their own lines.
        let results = parallelMap(files.count, jobs: files.contains { $0.kind == .pdf } ? jobs : 1) {
            i -> FileResult in
            let f = files[i]
            var result: FileResult
            switch f.kind {
            case .pdf:
                result = PDFCheck.check(
                    path: f.path, file: f.relativePath, matcher: matcher, withheld: withheld[f.relativePath] ?? [])
            case .sqlite:
                result = SQLiteCheck.check(path: f.path, file: f.relativePath, matcher: matcher)
            case .jsonLines, .html, .other:
                guard let data = FileManager.default.contents(atPath: f.path) else {
                    result = FileResult(problems: [
                        Problem(kind: .unreadable, file: f.relativePath, page: nil, detail: "cannot read the file")
                    ])
                    break
                }
                switch f.kind {
                case .jsonLines: result = JSONLinesCheck.check(data: data, file: f.relativePath, matcher: matcher, jobs: jobs)
                case .html: result = HTMLCheck.check(data: data, file: f.relativePath, matcher: matcher)
                default: result = TextFileCheck.check(data: data, file: f.relativePath, matcher: matcher)
                }
            }
            result.findings = Finding.from(matcher.search(f.relativePath).hits, method: .fileName) + result.findings
            return result
        }

        var findings = results.map(\.findings)
        for r in results {
            report.problems += r.problems
            report.pdfPages += r.pdfPages
        }
        if ocr {
            let scanned = files.indices.filter { results[$0].hasImagePages }
            let inputs = scanned.map { InputDocument(path: files[$0].path, relativePath: files[$0].relativePath) }
            let scan = OCRScan(documents: inputs, jobs: jobs, matcher: matcher)
            report.pagesOCRed = scan.pagesRead
            report.problems += scan.problems
            for page in scan.pages {
                findings[scanned[page.document]] += Finding.from(page.hits, method: .ocr, page: page.page)
            }
        }
        // A redaction the reviewer removed (`foiapipe review`) is published on purpose: the
        // same string audited in another document is no leak in the removing document's copy.
        let removed = ReviewRemovals.load(root.appendingPathComponent("private/decisions.jsonl").path)
        for (i, f) in files.enumerated() {
            var seen = Set<Finding>()
            for finding in findings[i] where seen.insert(finding).inserted {
                let records = index.records[finding.target]
                if removed.isIntended(records.map(\.original), file: f.relativePath) {
                    report.intended += 1
                    continue
                }
                report.leaks.append(
                    Leak(
                        audit: records[0], otherRecords: records.count - 1, file: f.relativePath, page: finding.page,
                        line: finding.line, field: finding.field, method: finding.method, form: finding.form))
            }
        }
        return report
    }
}

/// The strings whose redaction a reviewer removed, by document (`private/decisions.jsonl`).
///
/// The decisions file is the review app's; only `remove` and `keep` matter here (less any
/// line an `undo` cancelled), the later line winning, with strings compared as the redact pass compares them (lower case,
/// whitespace runs as one space).
struct ReviewRemovals {
    var byDocument: [String: Set<String>] = [:]

    static func load(_ path: String) -> ReviewRemovals {
        var out = ReviewRemovals()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return out }
        let objects = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        // A line an `undo` names counts as never written, as in the redact pass.
        let undone = Set(objects.filter { $0["decision"] as? String == "undo" }.compactMap { $0["of"] as? String })
        for o in objects {
            guard let decision = o["decision"] as? String, let doc = o["path"] as? String, let t = o["text"] as? String
            else { continue }
            if let id = o["id"] as? String, undone.contains(id) { continue }
            if decision == "remove" { out.byDocument[doc, default: []].insert(fold(t)) }
            if decision == "keep" || decision == "add" { out.byDocument[doc]?.remove(fold(t)) }
        }
        return out
    }

    static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether every audited original behind a hit was removed by the reviewer in a document
    /// whose public file this is: its redacted copy, or a file of the whole dump.
    func isIntended(_ originals: [String], file: String) -> Bool {
        guard !byDocument.isEmpty, !originals.isEmpty else { return false }
        let docs = byDocument.filter { doc, _ in !file.hasPrefix("redacted/") || file == "redacted/" + doc }
        return originals.allSatisfy { o in docs.values.contains { $0.contains(ReviewRemovals.fold(o)) } }
    }
}
