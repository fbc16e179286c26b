import FoiaCore
import FoiaTestSupport
import Foundation
import Redaction
import Testing

/// Leak and keep check of the rules on a real run's private output against truth files.
///
/// Opt-in: set `FOIAPIPE_REDACTION_RUN` to a `foiapipe run` output folder (its
/// `private/communications.jsonl` and `private/pages.jsonl` are read) and optionally
/// `FOIAPIPE_REDACTION_TRUTH` to the dump folder holding the `*.truth.json` files (default
/// `SampleDocs`). Prints every leaked truth PII string and every lost keep string.
@Suite struct SampleDumpEvaluationTests {
    static let run = ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_RUN"]

    @Test(.enabled(if: run != nil, "set FOIAPIPE_REDACTION_RUN to a run folder"))
    func noLeaksOnARun() throws {
        let run = try #require(SampleDumpEvaluationTests.run)
        let truthRoot =
            ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_TRUTH"]
            ?? Fixtures.repositoryRoot.appendingPathComponent("SampleDocs").path
        let comms = try RunReader.communications(run + "/private/communications.jsonl")
        let pages = try RunReader.pages(run + "/private/pages.jsonl")
        let redactor = TestRules.redactor
        let clock = ContinuousClock()
        var started = clock.now
        var registry = redactor.detect(comms)
        print("detect \(comms.count) communications: \(clock.now - started)")
        started = clock.now
        for page in pages { registry.merge(redactor.detect(page: page.text, roles: TestStructure.roles(of: page.text))) }
        print("detect \(pages.count) pages: \(clock.now - started)")
        if let out = ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_REGISTRY"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(registry).write(to: URL(fileURLWithPath: out))
        }
        var published: [String: [String]] = [:]
        var records: [RedactionRecord] = []
        var publicLines: [String] = []
        started = clock.now
        for c in comms {
            let r = redactor.redact(c, registry: registry)
            if c.id == ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_SHOW"] {
                print(r.communication.body)
                for x in r.records { print("  \(x.ruleID) \(x.type.rawValue) \(x.confidence) '\(x.original)'") }
            }
            published[c.path, default: []].append(publishedText(r.communication))
            publicLines.append(try PublicRecord.json(r.communication))
            records += r.records
            if ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_LIST"] != nil {
                for x in r.records {
                    print(String(format: "REC %@ %@ %.2f %@ %@ '%@'", c.path, c.id, x.confidence, x.ruleID, x.type.rawValue, x.original))
                }
            }
        }
        print("redact \(comms.count) communications: \(clock.now - started)")
        if let dir = ProcessInfo.processInfo.environment["FOIAPIPE_REDACTION_PUBLIC"] {
            try FileManager.default.createDirectory(atPath: dir + "/public", withIntermediateDirectories: true)
            try (publicLines.joined(separator: "\n") + "\n").write(
                toFile: dir + "/public/communications.jsonl", atomically: true, encoding: .utf8)
        }
        started = clock.now
        var pagePublished: [String: [String]] = [:]
        for page in pages {
            let boxes = redactor.redactionTargets(for: page.text, roles: TestStructure.roles(of: page.text), registry: registry)
            let kept = page.text.words.filter { w in !boxes.contains { $0.intersection(w.box) != nil } }
            pagePublished[page.path, default: []].append(kept.map(\.text).joined(separator: " "))
        }
        print("redact \(pages.count) pages: \(clock.now - started)")
        var leaks = 0
        var pageLeaks = 0
        var lost = 0
        var keeps = 0
        for (path, texts) in published.sorted(by: { $0.key < $1.key }) {
            let truthPath = truthRoot + "/" + (path as NSString).deletingPathExtension + ".truth.json"
            guard let data = FileManager.default.contents(atPath: truthPath),
                let truth = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            let text = texts.joined(separator: "\n")
            let pageText = (pagePublished[path] ?? []).joined(separator: "\n")
            for entry in truth["pii"] as? [[String: Any]] ?? [] {
                let s = entry["text"] as? String ?? ""
                let type = entry["type"] as? String ?? ""
                if Leak.found(s, type: type, in: text) {
                    leaks += 1
                    print("LEAK json \(path): \(type) '\(s)'")
                }
                if Leak.found(s, type: type, in: pageText) {
                    pageLeaks += 1
                    print("LEAK page \(path): \(type) '\(s)'")
                }
            }
            for entry in truth["keep"] as? [[String: Any]] ?? [] {
                let s = entry["text"] as? String ?? ""
                keeps += 1
                let squashed = text.replacingOccurrences(of: " ", with: "").lowercased()
                if !containsWords(text, s) && !squashed.contains(s.replacingOccurrences(of: " ", with: "").lowercased()) {
                    let reason = records.first { $0.original.contains(s) || s.contains($0.original) }
                    if reason != nil {
                        lost += 1
                        print("LOST \(path): \(entry["kind"] ?? "") '\(s)' by \(reason.map { "\($0.ruleID) '\($0.original)'" } ?? "")")
                    }
                }
            }
        }
        print("leaks json \(leaks), leaks pages \(pageLeaks), keep strings redacted \(lost) of \(keeps)")
        for r in recordsForReview(records, limit: 40) {
            print(String(format: "review %.2f %@ %@ '%@'", r.confidence, r.ruleID, r.type.rawValue, r.original))
        }
        #expect(leaks == 0)
    }
}

enum Leak {
    static let numberTypes: Set<String> = [
        "date_of_birth", "a_number", "ssn", "phone", "drivers_license", "fbi_number", "state_id", "passport", "license_plate",
        "other_identifier",
    ]

    static func found(_ s: String, type: String, in text: String) -> Bool {
        if containsWords(text, s) { return true }
        let digits = s.filter(\.isNumber)
        if numberTypes.contains(type), digits.count >= 5 {
            // Digit runs joined across separators inside one token group.
            let squashed = text.replacingOccurrences(of: "[ .()\\-–/]", with: "", options: .regularExpression)
            return squashed.contains(digits) && type != "date_of_birth"
        }
        return false
    }
}

/// Reads the private output of a run back into stage values.
enum RunReader {
    struct Page {
        var path: String
        var text: PageText
    }

    static func lines(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    static func communications(_ path: String) throws -> [Communication] {
        try lines(path).map { d in
            let source = d["source"] as? [String: Any] ?? [:]
            let h = d["header"] as? [String: Any] ?? [:]
            var header = MessageHeader()
            header.from = h["from"] as? String
            header.to = h["to"] as? [String] ?? []
            header.cc = h["cc"] as? [String] ?? []
            header.bcc = h["bcc"] as? [String] ?? []
            header.sent = h["sent"] as? String
            header.subject = h["subject"] as? String
            header.attachments = h["attachments"] as? [String] ?? []
            let quoted = (d["quoted"] as? [[String: Any]] ?? []).map {
                QuotedHeader(from: $0["from"] as? String, sent: $0["sent"] as? String, subject: $0["subject"] as? String)
            }
            var c = Communication(
                id: d["id"] as? String ?? "", kind: (d["kind"] as? String) == "email" ? .email : .document,
                path: source["path"] as? String ?? "", sha256: source["sha256"] as? String ?? "",
                pageStart: source["page_start"] as? Int ?? 1, pageEnd: source["page_end"] as? Int ?? 1, lineStart: 0,
                ocr: d["ocr"] as? Bool ?? false, header: header, quoted: quoted, body: d["body"] as? String ?? "")
            c.bodyLineRoles = TestStructure.roles(ofBody: c.body)
            return c
        }
    }

    static func pages(_ path: String) throws -> [Page] {
        try lines(path).map { d in
            let text = d["text"] as? String ?? ""
            // Words in reading order; a word ends its line where the page text has a newline after it.
            var lineEnds: [Bool] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let n = line.split(separator: " ", omittingEmptySubsequences: true).count
                lineEnds += Array(repeating: false, count: max(0, n - 1)) + (n > 0 ? [true] : [])
            }
            let raw = d["words"] as? [[Any]] ?? []
            let words = raw.enumerated().map { i, w in
                Word(
                    text: w[0] as? String ?? "",
                    box: Box(
                        x0: (w[1] as? Double) ?? 0, y0: (w[2] as? Double) ?? 0, x1: (w[3] as? Double) ?? 0,
                        y1: (w[4] as? Double) ?? 0), confidence: (w[5] as? Double) ?? 100,
                    endsLine: i < lineEnds.count ? lineEnds[i] : false)
            }
            let page = PageText(
                number: d["page"] as? Int ?? 1, width: d["width"] as? Double ?? 612, height: d["height"] as? Double ?? 792,
                source: (d["source"] as? String) == "ocr" ? .ocr : .text, decision: .useTextLayer("run"), confidence: 100,
                text: text, words: words)
            return Page(path: d["path"] as? String ?? "", text: page)
        }
    }
}

/// The contract's record of a redacted communication, with the fields this module fills
/// (classification fields empty), so `foiapipe eval` can score the redaction alone.
enum PublicRecord {
    static func json(_ r: RedactedCommunication) throws -> String {
        func value(_ s: String?) -> Any { s ?? NSNull() }
        let object: [String: Any] = [
            "id": r.id, "kind": r.kind.rawValue,
            "source": [
                "path": r.path, "sha256": r.sha256, "page_start": r.pageStart, "page_end": r.pageEnd,
                "bates_start": value(r.batesStart), "bates_end": value(r.batesEnd),
            ],
            "ocr": r.ocr,
            "header": [
                "from": value(r.header.from), "to": r.header.to, "cc": r.header.cc, "bcc": r.header.bcc,
                "sent": value(r.header.sent), "subject": value(r.header.subject), "attachments": r.header.attachments,
            ],
            "quoted": r.quoted.map { ["from": value($0.from), "sent": value($0.sent), "subject": value($0.subject)] },
            "body": r.body, "redactions": r.redactions, "detainer": ["present": false, "forms": [String]()],
            "offenses": [Any](), "severity": "none",
            "existing_redactions": ["boxes": r.existingRedactions.boxes, "codes": r.existingRedactions.codes],
            "duplicate_of": value(r.duplicateOf),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
