import FoiaTestSupport
import Foundation
import Testing

/// Issue 17's acceptance in a real browser: Debian's Chromium, driven through chromedriver by
/// Selenium from PyPI (`scripts/setup` puts it in `.venv-review/`), clicks through
/// `foiapipe review` (`review_browser.py`); then the run's own command is run again and
/// `public/` must show every decision, `verify` must be clean, and another re-run must change
/// nothing. Nothing is mocked: a missing browser, driver or Selenium fails the test.
@Suite(.serialized) struct ReviewBrowserTests {
    static let python = Fixtures.repositoryRoot.appendingPathComponent(".venv-review/bin/python").path
    static let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/ReviewTests/review_browser.py").path

    /// Every file under `public/`, by relative path.
    func publicFiles(_ dir: URL) throws -> [String: Data] {
        let root = dir.appendingPathComponent("public")
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let rel = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = root.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    func text(_ dir: URL, _ rel: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8)
    }

    /// The placeholders the audit gives an original string.
    func placeholders(_ dir: URL, of original: String) throws -> Set<String> {
        var out = Set<String>()
        for line in try text(dir, "private/audit.jsonl").split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                o["original"] as? String == original, let p = o["placeholder"] as? String
            else { continue }
            out.insert(p)
        }
        return out
    }

    @Test func aReviewerClicksThroughAndTheRerunPublishesTheDecisions() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "Selenium missing: run scripts/setup")
        #expect(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
            "chromium-driver missing: run scripts/setup")
        let dir = try ReviewFixture.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shots =
            ProcessInfo.processInfo.environment["FOIAPIPE_REVIEW_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? dir.appendingPathComponent("screenshots")

        // Before: what the rules decided.
        let before = try text(dir, "public/communications.jsonl")
        #expect(!before.contains("12-12-99") && before.contains("Guatemala") && !before.contains("MORAES"))
        let xol = try placeholders(dir, of: "XOL, SONIA")
        let huang = try placeholders(dir, of: "HUANG, MEI")
        #expect(xol.count == 1 && huang.count == 1 && xol != huang, "two persons, two tags")

        // The reviewer's session, publish included.
        let session = try ReviewSession(dir)
        let browser = try runProcess(Self.python, [Self.script, session.url.absoluteString, shots.path])
        session.stop()
        #expect(browser.status == 0, "\(browser.stderr)")
        let report = (try? JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any]) ?? [:]
        let console = report["console"] as? [String] ?? ["no report: \(browser.stdout)"]
        #expect(console.isEmpty, "the browser console: \(console)")
        let status = report["status"] as? String ?? ""
        #expect(status.contains("public/ clean"), "\(status)")
        for name in ["1-queue", "2-removed", "3-added", "4-official", "5-joined", "6-published"] {
            let png = FileManager.default.contents(atPath: shots.appendingPathComponent(name + ".png").path) ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "screenshot \(name)")
        }

        // The decisions are data: five lines, each with what, where, scope, when and who; 0600.
        let decisions = try text(dir, "private/decisions.jsonl").split(separator: "\n")
        #expect(decisions.count == 4, "\(decisions)")
        #expect(decisions.allSatisfy { $0.contains("\"reviewer\":\"test-reviewer\"") && $0.contains("\"at\":") })
        let mode = try FileManager.default.attributesOfItem(
            atPath: dir.appendingPathComponent("private/decisions.jsonl").path)
        #expect((mode[.posixPermissions] as? Int) == 0o600)
        let published = try publicFiles(dir)

        // Re-running the run's own command applies them, without reading a page again.
        let rerun = try runProcess(Fixtures.binary, ["run", ReviewFixture.input, "--out", dir.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("1 unchanged, 0 pages read"), "no extraction, no OCR: \(rerun.stderr)")
        let after = try publicFiles(dir)
        #expect(after["communications.jsonl"] == published["communications.jsonl"], "the app's publish is the re-run's")
        let records = try text(dir, "public/communications.jsonl")
        let pdf = try runProcess("/usr/bin/pdftotext", [dir.path + "/public/redacted/" + ReviewFixture.document, "-"])
            .stdout
        // 1. The removed redaction is published, in the records and in the PDF.
        #expect(records.contains("12-12-99") && pdf.contains("12-12-99"))
        // 2. The added one is redacted in both, and audited as the reviewer's.
        #expect(!records.contains("Guatemala") && !pdf.contains("Guatemala"))
        #expect(try placeholders(dir, of: "Guatemala") == ["[ID]"])
        // 3. The person marked official is named.
        #expect(records.contains("MORAES, LEANDRO") && pdf.contains("MORAES, LEANDRO"))
        #expect(try placeholders(dir, of: "MORAES, LEANDRO").isEmpty)
        // 4. The joined identities share one tag.
        #expect(try placeholders(dir, of: "XOL, SONIA") == huang)
        #expect(try placeholders(dir, of: "HUANG, MEI") == huang)

        // verify (with OCR of the page images) takes the removal as intended and requires the addition.
        let verify = try runProcess(Fixtures.binary, ["verify", dir.path])
        #expect(verify.status == 0, "\(verify.stdout)")

        // A second re-run changes nothing.
        let again = try runProcess(Fixtures.binary, ["run", ReviewFixture.input, "--out", dir.path, "--quiet"])
        #expect(again.status == 0)
        let twice = try publicFiles(dir)
        #expect(Set(twice.keys) == Set(after.keys))
        for (rel, data) in after { #expect(twice[rel] == data, "public/\(rel) changed on a second re-run") }
    }
}
