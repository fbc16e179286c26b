import Foundation
import Verification

/// The report as a plain-text table for the terminal, then the first few problems of each
/// kind. `eval.json` has the full lists.
extension EvaluationReport {
    /// How many items of each list the table shows.
    static let listLimit = 15

    package func table() -> String {
        var rows: [(String, String, String)] = []
        func add(
            _ name: String, _ status: MetricStatus, _ score: @autoclosure () -> String,
            _ detail: @autoclosure () -> String
        ) {
            if let reason = status.reason {
                rows.append((name, status.label, reason))
            } else {
                rows.append((name, score(), detail()))
            }
        }
        func prf(_ p: PrecisionRecall) -> String { "P \(fmt(p.precision))  R \(fmt(p.recall))" }
        func acc(_ a: Accuracy) -> String { "\(a.correct) of \(a.total)" }

        let seg = segmentation
        add(
            "segmentation F1 (strict)", seg.status, fmt(seg.strict.f1),
            "\(prf(seg.strict)); \(seg.strict.truePositives) of \(seg.strict.truthCount) found, \(seg.spurious.count) spurious"
        )
        add("segmentation F1 (start only)", seg.status, fmt(seg.startOnly.f1), prf(seg.startOnly))
        if seg.status.isOK {
            for r in seg.byRendition {
                rows.append(
                    (
                        "  rendition \(r.rendition)", fmt(r.strict.f1),
                        "start only \(fmt(r.startOnly.f1)); \(r.strict.truthCount) communications"
                    ))
            }
        }
        if headers.status.isOK {
            for field in headers.fields {
                add(
                    "header \(field.name)", field.status, fmt(field.accuracy.value),
                    acc(field.accuracy) + (field.redacted > 0 ? "; \(field.redacted) redacted, not counted" : ""))
            }
        } else {
            add("headers", headers.status, "", "")
        }
        add("detainer F1", detainer.status, fmt(detainer.present.f1), prf(detainer.present))
        if detainer.status.isOK {
            add("detainer forms", detainer.formsStatus, fmt(detainer.forms.value), acc(detainer.forms))
        }
        add("offense categories F1", offenses.status, fmt(offenses.categories.f1), prf(offenses.categories))
        if offenses.status.isOK {
            add("offense level", offenses.levelStatus, fmt(offenses.level.value), acc(offenses.level))
            add("offense status", offenses.statusStatus, fmt(offenses.offenseStatus.value), acc(offenses.offenseStatus))
            add("severity", offenses.severityStatus, fmt(offenses.severity.value), acc(offenses.severity))
        }
        add(
            "counts relative error", counts.status, fmt(counts.relativeError),
            "\(counts.absoluteError) off over \(counts.truthTotal) truth cells; \(counts.diffs.count) of \(counts.rows) rows differ"
        )
        add(
            "PII leaks", leaks.status, "\(leaks.leaks.count)",
            (leaks.byType.isEmpty
                ? "none" : leaks.byType.map { "\($0.type) \($0.occurrences)" }.joined(separator: ", "))
                + " (\(leaks.stringsLeaked) of \(leaks.piiStrings) strings)")
        add(
            "over-redaction", overRedaction.status, "\(overRedaction.missing.count) of \(overRedaction.total)",
            "keep strings missing" + (overRedaction.missingShare.map { String(format: " (%.1f%%)", $0 * 100) } ?? ""))

        var out = "truth   \(truthFolder): \(truthDocuments) documents, \(truthCommunications) communications\n"
        out +=
            "output  \(outputFolder): " + (recordsFile.map { "\($0), \(records) records" } ?? "no communications file")
            + "\n"
        if let file = headers.file, file != recordsFile { out += "        headers from \(file)\n" }
        if !documentsWithoutOutput.isEmpty {
            out +=
                "        no output for \(documentsWithoutOutput.count) truth documents: "
                + documentsWithoutOutput.prefix(3).joined(separator: ", ")
                + (documentsWithoutOutput.count > 3 ? ", …" : "") + "\n"
        }
        if !pathsWithoutTruth.isEmpty { out += "        \(pathsWithoutTruth.count) PDFs without truth not scored\n" }
        out += "\n"
        let nameWidth = max(6, rows.map(\.0.count).max() ?? 0)
        let scoreWidth = max(5, rows.map(\.1.count).max() ?? 0)
        func line(_ a: String, _ b: String, _ c: String) -> String {
            a.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + b.padding(toLength: scoreWidth, withPad: " ", startingAt: 0) + "  " + c + "\n"
        }
        out += line("metric", "score", "detail")
        out += line(String(repeating: "-", count: nameWidth), String(repeating: "-", count: scoreWidth), "------")
        for row in rows { out += line(row.0, row.1, row.2) }

        list(
            "missed communications (strict)",
            seg.missed.map {
                "\($0.path) pages \($0.pageStart)-\($0.pageEnd)"
                    + ($0.predictedPageEnd.map { " (predicted to end on page \($0))" } ?? " (not found)")
            }, into: &out)
        list(
            "spurious communications", seg.spurious.map { "\($0.path) pages \($0.pageStart)-\($0.pageEnd)" }, into: &out
        )
        list(
            "leaks",
            leaks.leaks.map {
                "\($0.type) \"\($0.text)\" in \($0.file) \($0.location)"
                    + ($0.match == .exact ? "" : " (\($0.match.rawValue): \"\($0.found)\")")
            }, into: &out)
        list(
            "missing keep strings",
            overRedaction.missing.map { "\($0.path): \"\($0.text)\"" + ($0.kind.map { " (\($0))" } ?? "") }, into: &out)
        return out
    }

    private func list(_ title: String, _ items: [String], into out: inout String) {
        guard !items.isEmpty else { return }
        out += "\n\(title): \(items.count)\n"
        for item in items.prefix(EvaluationReport.listLimit) { out += "  \(item)\n" }
        if items.count > EvaluationReport.listLimit {
            out += "  … \(items.count - EvaluationReport.listLimit) more in eval.json\n"
        }
    }

    private func fmt(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "–"
    }
}
