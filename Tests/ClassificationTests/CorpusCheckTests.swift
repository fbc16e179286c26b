import Classification
import FoiaCore
import FoiaTestSupport
import Foundation
import Testing

/// Scores the classifier on a run's private communications against generated truth files.
///
/// Set `CLASSIFICATION_CORPUS=RUN_DIR:TRUTH_DIR` (a `foiapipe run` output folder and the dump
/// it was run on) to print detainer, category, level, status and severity scores and write the
/// mismatches to `RUN_DIR/classification-mismatches.txt`. Skipped otherwise: the dumps are
/// generated, not checked in.
@Suite struct CorpusCheckTests {
    /// Set `CLASSIFICATION_PROBE=FILE` (messages separated by lines of `---`) to print what each
    /// message is classified as: a quick way to try wordings while writing rules.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLASSIFICATION_PROBE"] != nil))
    func probeMessages() throws {
        let file = ProcessInfo.processInfo.environment["CLASSIFICATION_PROBE"] ?? ""
        let classifier = try #require(ShippedRules.classifier)
        for body in try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n---\n") {
            let result = classifier.classify(message(body.trimmingCharacters(in: .whitespacesAndNewlines)))
            var out = "### " + body.split(separator: "\n").joined(separator: " / ") + "\n"
            out += "  detainer \(result.detainer.present) \(result.detainer.forms)\n"
            for o in result.offenses { out += "  \(o.category) \(o.level) \(o.status)\n" }
            print(out)
        }
    }

    /// Set `CLASSIFICATION_FINDINGS=RUN_DIR` to write every finding of a run with no truth
    /// (real releases) to `RUN_DIR/classification-findings.txt`, for reading false positives.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLASSIFICATION_FINDINGS"] != nil))
    func listFindings() throws {
        let run = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CLASSIFICATION_FINDINGS"] ?? "")
        let classifier = try #require(ShippedRules.classifier)
        let lines = try String(contentsOf: run.appendingPathComponent("private/communications.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var report = ""
        for line in lines {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let source = record["source"] as? [String: Any], let path = source["path"] as? String
            else { continue }
            var c = Communication(
                id: "x", kind: .email, path: path, sha256: "", pageStart: source["page_start"] as? Int ?? 0,
                pageEnd: 0, lineStart: 0, ocr: false, header: MessageHeader(), quoted: [],
                body: record["body"] as? String ?? "")
            c.bodyLineRoles = TestStructure.roles(ofBody: c.body)
            let result = classifier.classify(c)
            guard result.detainer.present || !result.offenses.isEmpty else { continue }
            report += "=== \(path) p\(c.pageStart) detainer \(result.detainer.present) \(result.detainer.forms)\n"
            for o in result.offenses { report += "  \(o.category) \(o.level) \(o.status) [\(o.evidence)]\n" }
        }
        try report.write(
            to: run.appendingPathComponent("classification-findings.txt"), atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLASSIFICATION_CORPUS"] != nil))
    func scoreAgainstTruth() throws {
        let spec = ProcessInfo.processInfo.environment["CLASSIFICATION_CORPUS"] ?? ""
        let parts = spec.split(separator: ":").map(String.init)
        try #require(parts.count == 2)
        let run = URL(fileURLWithPath: parts[0])
        let truthRoot = URL(fileURLWithPath: parts[1])
        let classifier = try #require(ShippedRules.classifier)
        let lines = try String(contentsOf: run.appendingPathComponent("private/communications.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var truthByFile: [String: [[String: Any]]] = [:]
        var det = (tp: 0, fp: 0, fn: 0)
        var forms = (right: 0, total: 0)
        var cat = (tp: 0, fp: 0, fn: 0)
        var level = (right: 0, total: 0)
        var status = (right: 0, total: 0)
        var severity = (right: 0, total: 0)
        var report = ""
        for line in lines {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let source = record["source"] as? [String: Any], let path = source["path"] as? String,
                let pageStart = source["page_start"] as? Int
            else { continue }
            if truthByFile[path] == nil {
                let truthURL = truthRoot.appendingPathComponent(String(path.dropLast(4)) + ".truth.json")
                let data = try Data(contentsOf: truthURL)
                let truth = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                truthByFile[path] = truth?["communications"] as? [[String: Any]] ?? []
            }
            guard let truth = truthByFile[path]?.first(where: { ($0["page_start"] as? Int) == pageStart }) else {
                continue
            }
            let header = record["header"] as? [String: Any] ?? [:]
            var h = MessageHeader()
            h.subject = header["subject"] as? String
            h.attachments = header["attachments"] as? [String] ?? []
            let quoted = (record["quoted"] as? [[String: Any]] ?? []).map {
                QuotedHeader(
                    from: $0["from"] as? String, sent: $0["sent"] as? String, subject: $0["subject"] as? String)
            }
            let body = record["body"] as? String ?? ""
            var c = Communication(
                id: "x", kind: .email, path: path, sha256: "", pageStart: pageStart, pageEnd: pageStart, lineStart: 0,
                ocr: false, header: h, quoted: quoted, body: body)
            c.bodyLineRoles = TestStructure.roles(ofBody: body)
            let result = classifier.classify(c)
            var notes: [String] = []
            let td = truth["detainer"] as? [String: Any] ?? [:]
            let truePresent = td["present"] as? Bool ?? false
            let trueForms = Set(td["forms"] as? [String] ?? [])
            switch (truePresent, result.detainer.present) {
            case (true, true): det.tp += 1
            case (false, true):
                det.fp += 1
                notes.append("detainer FP")
            case (true, false):
                det.fn += 1
                notes.append("detainer FN")
            default: break
            }
            if truePresent || !trueForms.isEmpty {
                forms.total += 1
                if trueForms == Set(result.detainer.forms) {
                    forms.right += 1
                } else {
                    notes.append("forms truth \(trueForms.sorted()) got \(result.detainer.forms)")
                }
            }
            let trueOffenses = truth["offenses"] as? [[String: Any]] ?? []
            var predicted = Dictionary(uniqueKeysWithValues: result.offenses.map { ($0.category, $0) })
            for t in trueOffenses {
                let name = t["category"] as? String ?? ""
                guard let p = predicted.removeValue(forKey: name) else {
                    cat.fn += 1
                    notes.append("missing \(name) (\(t["level"] ?? "")/\(t["status"] ?? ""))")
                    continue
                }
                cat.tp += 1
                level.total += 1
                status.total += 1
                if p.level == t["level"] as? String {
                    level.right += 1
                } else {
                    notes.append("level \(name) truth \(t["level"] ?? "") got \(p.level) [\(p.evidence)]")
                }
                if p.status == t["status"] as? String {
                    status.right += 1
                } else {
                    notes.append("status \(name) truth \(t["status"] ?? "") got \(p.status) [\(p.evidence)]")
                }
            }
            for (name, p) in predicted.sorted(by: { $0.key < $1.key }) {
                cat.fp += 1
                notes.append("extra \(name) [\(p.evidence)]")
            }
            severity.total += 1
            if result.severity == truth["severity"] as? String { severity.right += 1 }
            if !notes.isEmpty {
                report += "=== \(path) p\(pageStart)\n" + notes.map { "  " + $0 }.joined(separator: "\n") + "\n"
                report += body.split(separator: "\n").map { "    | " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        func f1(_ x: (tp: Int, fp: Int, fn: Int)) -> String {
            let p = Double(x.tp) / Double(max(1, x.tp + x.fp))
            let r = Double(x.tp) / Double(max(1, x.tp + x.fn))
            return String(
                format: "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, 2 * p * r / max(1e-9, p + r), x.tp, x.fp,
                x.fn)
        }
        func acc(_ x: (right: Int, total: Int)) -> String {
            String(format: "%.3f (%d/%d)", Double(x.right) / Double(max(1, x.total)), x.right, x.total)
        }
        let summary = """
            detainer  \(f1(det))
            forms     \(acc(forms))
            category  \(f1(cat))
            level     \(acc(level))
            status    \(acc(status))
            severity  \(acc(severity))
            """
        print(summary)
        try (summary + "\n\n" + report).write(
            to: run.appendingPathComponent("classification-mismatches.txt"), atomically: true, encoding: .utf8)
    }
}
