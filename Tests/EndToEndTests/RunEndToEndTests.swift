import FoiaTestSupport
import Foundation
import Testing

/// Runs the built `foiapipe` binary as a user would.
@Suite struct RunEndToEndTests {
    func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runProcess(Fixtures.binary, args)
    }

    func lines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// A folder given as a symbolic link is read like the folder it points to.
    @Test func aFolderGivenAsALinkIsRead() throws {
        let root = temporaryFolder("e2e-link")
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: real.appendingPathComponent("email.pdf").path, withDestinationPath: Fixtures.path("text_layer_email.pdf"))
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        for input in [real, link] {
            let out = root.appendingPathComponent("out-" + input.lastPathComponent)
            let r = try run(["extract", input.path, "--out", out.path, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let pages = lines(out.path + "/private/pages.jsonl")
            #expect(pages.count == 2, "\(input.lastPathComponent)")
            #expect(pages.first?["path"] as? String == "email.pdf", "\(input.lastPathComponent)")
        }
    }

    /// The summary says whether `public/` is clean, by the same text-only check as
    /// `foiapipe verify --no-ocr`, and names the OCR check that remains.
    @Test func aRunEndsWithATextOnlyVerify() throws {
        let out = temporaryFolder("e2e-verify").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try run(["run", Fixtures.path("text_layer_email.pdf"), "--out", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try #require(r.stderr.split(separator: "\n").last { $0.hasPrefix("foiapipe: ") })
        let verify = try run(["verify", out, "--no-ocr"])
        if verify.status == 0 {
            let clean = "; public/ clean by a text-only verify (`foiapipe verify \(out)` also OCRs the page images)"
            #expect(summary.hasSuffix(clean), "\(summary)")
        } else {
            let leaks = verify.stdout.split(separator: "\n").filter { $0.hasPrefix("LEAK ") }.count
            #expect(summary.contains("; public/ NOT CLEAN: \(leaks) leak(s)"), "\(summary)\n\(verify.stdout)")
        }
    }

    @Test func goodFilesExitZeroAndWritePages() throws {
        let out = temporaryFolder("e2e")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try run(["run", Fixtures.path("text_layer_email.pdf"), "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = lines(out.path + "/private/pages.jsonl")
        #expect(pages.count == 2)
        let first = try #require(pages.first)
        #expect(first["path"] as? String == "text_layer_email.pdf")
        #expect((first["sha256"] as? String)?.count == 64)
        #expect(first["source"] as? String == "text")
        #expect((first["words"] as? [Any])?.isEmpty == false)
        #expect(lines(out.path + "/errors.jsonl").isEmpty)
        let publicFiles = Set((try? FileManager.default.subpathsOfDirectory(atPath: out.path + "/public")) ?? [])
        #expect(publicFiles.isSuperset(of: ["counts.csv", "communications.jsonl"]))
        #expect(lines(out.path + "/public/communications.jsonl").count == lines(out.path + "/private/communications.jsonl").count)
        let counts = try String(contentsOfFile: out.path + "/public/counts.csv", encoding: .utf8)
        #expect(counts.hasPrefix("category,level,communications,with_detainer\n"))
        #expect(counts.split(separator: "\n").last?.hasPrefix("ALL,ALL,") == true)
        let record = try #require(lines(out.path + "/private/communications.jsonl").first)
        #expect(record["detainer"] is [String: Any] && record["offenses"] is [Any] && record["severity"] is String)
    }

    @Test func badFilesAreListedAndTheBatchGoesOn() throws {
        let input = temporaryFolder("e2e-in")
        let out = temporaryFolder("e2e-out")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: out)
        }
        let names = ["not_a_pdf.pdf", "empty.pdf", "truncated.pdf", "corrupt_xref.pdf", "encrypted.pdf", "text_layer_email.pdf"]
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                atPath: Fixtures.path(name), toPath: input.appendingPathComponent("sub/" + name).path)
        }
        // An upper-case extension is a PDF too.
        try FileManager.default.copyItem(
            atPath: Fixtures.path("rotated_page_text.pdf"), toPath: input.appendingPathComponent("ROTATED.PDF").path)
        let r = try run(["run", input.path, "--out", out.path, "--quiet", "--jobs", "2"])
        #expect(r.status == 1)
        let errors = lines(out.path + "/errors.jsonl")
        #expect(Set(errors.compactMap { $0["path"] as? String }) == Set(names.dropLast().map { "sub/" + $0 }))
        for e in errors {
            #expect(e["stage"] as? String == "extract")
            #expect((e["error"] as? String)?.isEmpty == false)
        }
        let pages = lines(out.path + "/private/pages.jsonl")
        #expect(Set(pages.compactMap { $0["path"] as? String }) == ["sub/text_layer_email.pdf", "ROTATED.PDF"])
    }

    @Test func usageErrorsExitTwoAndWriteNothing() throws {
        let out = temporaryFolder("e2e-usage")
        try FileManager.default.removeItem(at: out)
        let missing = try run(["run", "/nonexistent/folder", "--out", out.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("input not found"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let badPipeline = temporaryFolder("e2e-pipeline").appendingPathComponent("p.yaml")
        try "version: 1\nextraction:\n  ocrr: auto\n".write(to: badPipeline, atomically: true, encoding: .utf8)
        let bad = try run(["run", Fixtures.path("text_layer_email.pdf"), "--out", out.path, "--pipeline", badPipeline.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("p.yaml:3: extraction.ocrr: unknown key 'ocrr' (did you mean 'ocr'?)"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let unreadable = try run([
            "run", Fixtures.path("text_layer_email.pdf"), "--out", out.path, "--pipeline", "/nonexistent/p.yaml",
        ])
        #expect(unreadable.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func twoRunsGiveByteIdenticalOutput() throws {
        let a = temporaryFolder("e2e-a")
        let b = temporaryFolder("e2e-b")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let inputs = ["mixed_text_and_scan.pdf", "text_layer_email.pdf"].map(Fixtures.path)
        #expect(try run(["run"] + inputs + ["--out", a.path, "--jobs", "1", "--quiet"]).status == 0)
        #expect(try run(["run"] + inputs + ["--out", b.path, "--jobs", "2", "--quiet"]).status == 0)
        let pa = try Data(contentsOf: a.appendingPathComponent("private/pages.jsonl"))
        let pb = try Data(contentsOf: b.appendingPathComponent("private/pages.jsonl"))
        #expect(pa == pb)
    }
}

/// Every real released document is read without an error, OCR'd exactly on its scanned pages.
@Suite struct RealDocumentsEndToEndTests {
    /// Which pages of each real document are scans (OCR) and which have a native text layer.
    static let expected: [String: (pages: Int, ocr: Set<Int>)] = [
        "chicago-pd-foia-15-3569-part-1.pdf": (41, Set(1...41)),
        "chicago-pd-foia-15-3569-part-15.pdf": (36, Set(1...36)),
        "chicago-pd-foia-15-3569-response-letter.pdf": (2, [1, 2]),
        "court-exhibit-scanned-email-chain.pdf": (7, Set(1...7)),
        "court-exhibit-text-email.pdf": (2, []),
        "enron-scanned-letter.pdf": (1, [1]),
        "ice-i-213-foia-litigation.pdf": (3, [1]),
    ]

    @Test func realDocumentsAreReadWithOCRExactlyOnScans() throws {
        guard let realDocs = Fixtures.realDocs else {
            print("skipped: ../shared/realdocs is not beside this checkout")
            return
        }
        let out = temporaryFolder("e2e-real")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runProcess(Fixtures.binary, ["run", realDocs.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let errors = (try? String(contentsOfFile: out.path + "/errors.jsonl", encoding: .utf8)) ?? "missing"
        #expect(errors.isEmpty, "errors.jsonl: \(errors)")
        let text = try String(contentsOfFile: out.path + "/private/pages.jsonl", encoding: .utf8)
        var seen: [String: [Int: String]] = [:]
        for line in text.split(separator: "\n") {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let path = try #require(obj["path"] as? String)
            let page = try #require(obj["page"] as? Int)
            seen[path, default: [:]][page] = obj["source"] as? String
            if obj["source"] as? String == "ocr" {
                #expect((obj["text"] as? String)?.count ?? 0 > 20, "\(path) p\(page) OCR found text")
            }
        }
        for (name, want) in Self.expected {
            let pages = try #require(seen[name], "\(name) was processed")
            #expect(pages.count == want.pages, "\(name)")
            for (page, source) in pages {
                #expect(source == (want.ocr.contains(page) ? "ocr" : "text"), "\(name) page \(page): \(source)")
            }
        }
        // Segmentation against the hand labels of every real document (issue 14): the Chicago
        // printouts, the court exhibits (one message printed twice), the Gmail and Outlook Web
        // App printouts and the letters and forms that are no e-mail.
        let labels = Fixtures.path("realdocs-labels")
        let e = try runProcess(Fixtures.binary, ["eval", "--truth", labels, out.path])
        #expect(e.status == 0, "\(e.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("eval.json"))) as? [String: Any])
        let segmentation = try #require(report["segmentation"] as? [String: Any])
        let strict = try #require(segmentation["strict"] as? [String: Any])
        #expect((strict["f1"] as? NSNumber)?.doubleValue == 1, "missed \(segmentation["missed"] ?? []), spurious \(segmentation["spurious"] ?? [])")
    }
}
