import Foundation
import Verification

/// A hand-made `foiapipe run` output folder in a temporary directory.
struct OutputFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("private"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("public/redacted"), withIntermediateDirectories: true)
    }

    var path: String { root.path }

    func publicPath(_ relative: String) -> String { root.appendingPathComponent("public/" + relative).path }

    /// Writes `private/audit.jsonl`, one record per (type, original, placeholder).
    func audit(_ records: [(type: String, original: String, placeholder: String)], path: String = "a.pdf") throws {
        let lines = try records.enumerated().map { i, r in
            let object: [String: Any] = [
                "path": path, "communication_id": "c\(i)", "field": "body", "page": 1, "type": r.type,
                "rule": "test_rule", "original": r.original, "placeholder": r.placeholder, "confidence": 0.9,
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try write("private/audit.jsonl", lines.joined(separator: "\n") + "\n")
    }

    /// Writes `public/communications.jsonl` with one communication per body.
    func communications(_ bodies: [String]) throws {
        let lines = try bodies.enumerated().map { i, body in
            let object: [String: Any] = [
                "id": "c\(i)", "kind": "email", "body": body,
                "header": ["from": "[PERSON-7F3A]", "to": ["records@agency.gov"], "subject": "Booking"],
                "source": ["path": "a.pdf", "page_start": 1, "page_end": 1],
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try write("public/communications.jsonl", lines.joined(separator: "\n") + "\n")
        try write("public/counts.csv", "category,level,communications,with_detainer\nALL,ALL,\(bodies.count),0\n")
    }

    /// Writes `public/communications.jsonl` with one communication per (document, body).
    func communications(in documents: [(path: String, body: String)]) throws {
        let lines = try documents.enumerated().map { i, d in
            let object: [String: Any] = [
                "id": "c\(i)", "kind": "email", "body": d.body,
                "source": ["path": d.path, "page_start": 1, "page_end": 1],
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try write("public/communications.jsonl", lines.joined(separator: "\n") + "\n")
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func pdf(_ relative: String, _ pages: [TestPDF.Content], title: String? = nil) {
        TestPDF.write(pages, to: publicPath("redacted/" + relative), title: title)
    }

    func verify(ocr: Bool = true) throws -> VerificationReport {
        try Verifier(jobs: 2, ocr: ocr).verify(directory: path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
