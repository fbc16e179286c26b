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

    /// The mean grey (0 black, 255 white) of a 5×5 patch at a point of a PDF page, drawn by pdftoppm at 36 dpi.
    func shade(_ pdf: String, page: Int, at point: (x: Double, y: Double)) throws -> Double {
        let folder = temporaryFolder("review-shade")
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        let r = try runProcess(
            "/usr/bin/pdftoppm", ["-r", "36", "-gray", "-singlefile", "-f", "\(page)", "-l", "\(page)", pdf, prefix])
        let data = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))) ?? Data())
        #expect(r.status == 0 && data.starts(with: Array("P5".utf8)), "\(r.stderr)")
        // PGM: "P5", width, height, maximum, each followed by one whitespace byte, then a byte a pixel.
        var fields: [Int] = []
        var i = 2
        var digits = ""
        while fields.count < 3, i < data.count {
            let c = Character(UnicodeScalar(data[i]))
            if c.isNumber {
                digits.append(c)
            } else if !digits.isEmpty {
                fields.append(Int(digits) ?? 0)
                digits = ""
            }
            i += 1
        }
        guard fields.count == 3 else { return -1 }
        let (width, height) = (fields[0], fields[1])
        let pixels = data[i...]
        let cx = Int(point.x * 36 / 72)
        let cy = Int(point.y * 36 / 72)
        var sum = 0.0
        var n = 0.0
        for y in (cy - 2)...(cy + 2) where y >= 0 && y < height {
            for x in (cx - 2)...(cx + 2) where x >= 0 && x < width {
                sum += Double(pixels[pixels.startIndex + y * width + x])
                n += 1
            }
        }
        return n > 0 ? sum / n : -1
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
        for name in [
            "1-queue", "2-removed", "3-added", "3b-box", "3c-undone", "4-official", "5-joined", "5b-withheld",
            "6-published",
        ] {
            let png = FileManager.default.contents(atPath: shots.appendingPathComponent(name + ".png").path) ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "screenshot \(name)")
        }

        // The decisions are data: one line each, each with what, where, scope, when and who; 0600.
        let decisions = try text(dir, "private/decisions.jsonl").split(separator: "\n")
        #expect(decisions.count == 8, "\(decisions)")
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
        // 2b. The area drawn where no word is printed is white in the source and black in the copy.
        let lines = decisions.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let undone = Set(lines.filter { $0["decision"] as? String == "undo" }.compactMap { $0["of"] as? String })
        #expect(undone.count == 1, "one undo: \(decisions)")
        let drawn = lines.compactMap { o -> (x: Double, y: Double, undone: Bool)? in
            guard o["decision"] as? String == "box", let b = (o["boxes"] as? [[Double]])?.first, b.count == 4,
                let id = o["id"] as? String
            else { return nil }
            return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2, undone.contains(id))
        }
        #expect(drawn.count == 2 && drawn.filter(\.undone).count == 1, "\(decisions)")
        let copy = dir.path + "/public/redacted/" + ReviewFixture.document
        for area in drawn {
            #expect(try shade(ReviewFixture.input, page: 3, at: (area.x, area.y)) > 200, "the area is blank in the source")
            if area.undone {
                #expect(try shade(copy, page: 3, at: (area.x, area.y)) > 200, "the undone area is not burned in")
            } else {
                #expect(try shade(copy, page: 3, at: (area.x, area.y)) < 40, "the drawn area is burned in")
            }
        }
        // 3. The person marked official is named.
        #expect(records.contains("MORAES, LEANDRO") && pdf.contains("MORAES, LEANDRO"))
        #expect(try placeholders(dir, of: "MORAES, LEANDRO").isEmpty)
        // 4. The joined identities share one tag.
        #expect(try placeholders(dir, of: "XOL, SONIA") == huang)
        #expect(try placeholders(dir, of: "HUANG, MEI") == huang)

        // 5. Page 5 is withheld: in place, covered whole, only the notice on it; the message that
        // runs onto it from page 4 is published with a marker in place of page 5's lines.
        let pages = try runProcess("/usr/bin/pdfinfo", [copy]).stdout
        #expect(pages.contains("Pages:           5"), "the copy keeps the source's page count: \(pages)")
        let page5 = try runProcess("/usr/bin/pdftotext", ["-f", "5", "-l", "5", copy, "-"]).stdout
        #expect(page5.trimmingCharacters(in: .whitespacesAndNewlines) == "Page withheld in full (review)", "\(page5)")
        let images = try runProcess("/usr/bin/pdfimages", ["-list", "-f", "5", "-l", "5", copy]).stdout
        #expect(images.split(separator: "\n").count == 2, "no image on the withheld page: \(images)")
        #expect(try shade(copy, page: 5, at: (300, 600)) < 40, "the withheld page is covered")
        #expect(records.contains("[PAGE 5 WITHHELD]"))
        let printed = try WithheldWords.printed(records)
        for word in try WithheldWords.only(on: 5, of: ReviewFixture.document, pagesFile: dir.appendingPathComponent("private/pages.jsonl")) {
            #expect(!printed.contains(word), "'\(word)', printed only on the withheld page, is published")
        }
        #expect(try text(dir, "private/audit.jsonl").contains("\"page\":5,\"type\":\"other_identifier\",\"rule\":\"reviewer_withheld\""))

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

/// Runs of six letters or more printed on one page of a document and on no other page.
enum WithheldWords {
    /// The text values of the records of `communications.jsonl` (keys and the contract's
    /// category names such as `malicious_destruction` left out), one per line.
    static let vocabulary: Set<String> = ["category", "level", "status", "severity", "kind", "forms", "statute"]

    static func printed(_ records: String) throws -> String {
        func strings(_ v: Any, key: String) -> [String] {
            if let s = v as? String { return vocabulary.contains(key) ? [] : [s] }
            if let a = v as? [Any] { return a.flatMap { strings($0, key: key) } }
            if let o = v as? [String: Any] { return o.flatMap { strings($0.value, key: $0.key) } }
            return []
        }
        return try records.split(separator: "\n").flatMap {
            strings(try JSONSerialization.jsonObject(with: Data($0.utf8)), key: "")
        }.joined(separator: "\n")
    }

    static func only(on page: Int, of document: String, pagesFile: URL) throws -> Set<String> {
        var mine = Set<String>()
        var elsewhere = Set<String>()
        for line in try String(contentsOf: pagesFile, encoding: .utf8).split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let words = o["words"] as? [[Any]]
            else { continue }
            let here = o["path"] as? String == document && o["page"] as? Int == page
            for w in words {
                guard let raw = w.first as? String else { continue }
                // Each run of letters (`advise-if` is `advise` and `if`).
                for t in raw.split(whereSeparator: { !$0.isLetter }).map(String.init) where t.count >= 6 {
                    if here { mine.insert(t) } else { elsewhere.insert(t) }
                }
            }
        }
        return mine.subtracting(elsewhere)
    }
}
