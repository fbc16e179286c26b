import FoiaTestSupport
import Foundation
import Testing

/// A crash in the extractor (poppler or tesseract dying of a signal, not an error it reports)
/// costs one document, not the batch: each worker extracts in its own `extract-worker`
/// process, and a signal death is that document's `extractorCrashed` line in `errors.jsonl`.
///
/// No real PDF that crashes poppler 22.12 is at hand, so the crash is simulated: the hidden
/// subcommand, and only it, aborts on the file named by `FOIAPIPE_SIMULATE_EXTRACTOR_CRASH`
/// (or raises SIGSEGV on `NAME:PAGE`). The process really dies of the signal.
@Suite struct ExtractorCrashEndToEndTests {
    func jsonLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func publishedPaths(_ out: String) -> [String] {
        jsonLines(out + "/public/communications.jsonl").compactMap {
            ($0["source"] as? [String: Any])?["path"] as? String
        }
    }

    func inputs(_ root: URL, crashing name: String) throws -> String {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (source, name) in [
            ("text_layer_email.pdf", "text_layer_email.pdf"), ("rotated_page_text.pdf", "rotated_page_text.pdf"),
            ("text_layer_email.pdf", name),
        ] {
            try FileManager.default.copyItem(atPath: Fixtures.path(source), toPath: input.appendingPathComponent(name).path)
        }
        return input.path
    }

    @Test func aCrashOnOpeningIsOneDocumentsErrorAndTheBatchGoesOn() throws {
        let root = temporaryFolder("e2e-crash-open")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try inputs(root, crashing: "b_crashes.pdf")
        let out = root.appendingPathComponent("out").path
        let environment = ProcessInfo.processInfo.environment.merging(
            ["FOIAPIPE_SIMULATE_EXTRACTOR_CRASH": "b_crashes.pdf"]) { $1 }

        let r = try runProcess(Fixtures.binary, ["run", input, "--out", out, "--jobs", "2", "--quiet"], environment: environment)
        #expect(r.status == 1, "\(r.stderr)")
        let errors = jsonLines(out + "/errors.jsonl")
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?["path"] as? String == "b_crashes.pdf")
        #expect(errors.first?["stage"] as? String == "extract")
        #expect(errors.first?["code"] as? String == "extractorCrashed")
        let message = errors.first?["error"] as? String ?? ""
        #expect(message.contains("signal 6") && !message.contains("\n"), "\(message)")

        let published = publishedPaths(out)
        #expect(Set(published) == ["rotated_page_text.pdf", "text_layer_email.pdf"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out + "/public/redacted").sorted() == [
                "rotated_page_text.pdf", "text_layer_email.pdf",
            ])

        // A resumed run tries the crashed document again, and duplicates nothing.
        let again = try runProcess(
            Fixtures.binary, ["run", input, "--out", out, "--jobs", "2", "--quiet"], environment: environment)
        #expect(again.status == 1, "\(again.stderr)")
        #expect(jsonLines(out + "/errors.jsonl").count == 1)
        #expect(publishedPaths(out) == published)

        // Without the crash the document is read and published like the others.
        let healed = try runProcess(Fixtures.binary, ["run", input, "--out", out, "--jobs", "2", "--quiet"])
        #expect(healed.status == 0, "\(healed.stderr)")
        #expect(jsonLines(out + "/errors.jsonl").isEmpty)
        #expect(Set(publishedPaths(out)) == ["b_crashes.pdf", "rotated_page_text.pdf", "text_layer_email.pdf"])
    }

    /// One worker: its extractor process dies on a page, and a fresh one reads the rest.
    @Test func aCrashOnAPageCostsThatPageAndTheWorkerGoesOn() throws {
        let root = temporaryFolder("e2e-crash-page")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try inputs(root, crashing: "a_crashes.pdf")
        let out = root.appendingPathComponent("out").path
        let environment = ProcessInfo.processInfo.environment.merging(
            ["FOIAPIPE_SIMULATE_EXTRACTOR_CRASH": "a_crashes.pdf:2"]) { $1 }

        let r = try runProcess(Fixtures.binary, ["run", input, "--out", out, "--jobs", "1", "--quiet"], environment: environment)
        #expect(r.status == 1, "\(r.stderr)")
        let errors = jsonLines(out + "/errors.jsonl")
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?["path"] as? String == "a_crashes.pdf")
        #expect(errors.first?["code"] as? String == "extractorCrashed")
        let message = errors.first?["error"] as? String ?? ""
        #expect(message.contains("page 2") && message.contains("signal 11"), "\(message)")
        #expect(Set(publishedPaths(out)).isSuperset(of: ["rotated_page_text.pdf", "text_layer_email.pdf"]))
        let pages = jsonLines(out + "/private/pages.jsonl").map { "\($0["path"] ?? "")#\($0["page"] ?? "")" }
        #expect(pages.contains("a_crashes.pdf#1") && !pages.contains("a_crashes.pdf#2"), "\(pages)")
    }
}
