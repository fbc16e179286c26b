import Batch
import Foundation

/// The one-line summary a run or merge prints on stderr when it ends.
enum SummaryLine {
    /// - Parameter publicCheck: what the closing text-only verify said (`PublicCheck`).
    static func text(
        _ summary: RunSummary, out: String, shard: Shard? = nil, renamed: [String] = [], publicCheck: String? = nil
    ) -> String {
        let rate = summary.seconds > 0 ? Double(summary.pagesRead) / summary.seconds : 0
        var parts = [
            "\(summary.documents) documents, \(summary.pages) pages (\(summary.ocrPages) OCR)",
            "\(summary.unchangedDocuments) unchanged, \(summary.pagesRead) pages read, \(summary.pagesReused) resumed, in "
                + String(format: "%.1f s (%.1f pages/s)", summary.seconds, rate),
            "\(summary.communications) communications",
        ]
        if !renamed.isEmpty {
            let shown = renamed.prefix(3).joined(separator: ", ") + (renamed.count > 3 ? ", …" : "")
            parts.append(
                "\(renamed.count) files share a relative path with a file of another input, so they are published "
                    + "under their input folder's name (\(shown))")
        }
        if let shard {
            parts.append("shard \(shard): run `foiapipe merge` over every shard's folder to redact and publish")
        } else {
            parts.append(
                "\(summary.redactions) redactions, \(summary.redactedPages) pages redacted (redaction pass "
                    + String(format: "%.1f s, report and database %.2f s)", summary.redactSeconds, summary.analystSeconds))
        }
        parts.append(
            "\(summary.failedDocuments) failed" + (summary.failedDocuments > 0 ? ", see \(out)/errors.jsonl" : ""))
        if let publicCheck { parts.append(publicCheck) }
        return "foiapipe: " + parts.joined(separator: "; ")
    }

    static func print(
        _ summary: RunSummary, out: String, shard: Shard? = nil, renamed: [String] = [], publicCheck: String? = nil
    ) {
        let line = text(summary, out: out, shard: shard, renamed: renamed, publicCheck: publicCheck)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
