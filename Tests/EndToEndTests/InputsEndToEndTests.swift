import FoiaTestSupport
import Foundation
import Testing

/// What `run` accepts as inputs and output folder: no overlap between them, published paths
/// kept apart, and a folder with nothing to read is a usage error.
@Suite struct InputsEndToEndTests {
    func jsonLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// `run X --out X/out` used to read its own `public/redacted/*.pdf` back on the next run
    /// (1 → 2 → 3 documents, exit 0); an input inside the output folder is as bad.
    @Test func anOutputFolderOverlappingAnInputIsRefused() throws {
        let root = temporaryFolder("e2e-overlap")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("text_layer_email.pdf"), toPath: input.appendingPathComponent("email.pdf").path)

        let inside = input.appendingPathComponent("out").path
        let r = try runProcess(Fixtures.binary, ["run", input.path, "--out", inside, "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is inside the input"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one clear line: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: inside))

        // The same folder as input and output.
        let same = try runProcess(Fixtures.binary, ["run", input.path, "--out", input.path, "--quiet"])
        #expect(same.status == 2)
        #expect(!FileManager.default.fileExists(atPath: input.appendingPathComponent("private").path))

        // An input inside the output folder (given as a file, through a symbolic link).
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: root.path)
        let holds = try runProcess(
            Fixtures.binary,
            ["run", input.appendingPathComponent("email.pdf").path, "--out", link.path, "--quiet"])
        #expect(holds.status == 2)
        #expect(holds.stderr.contains("is inside the output folder"), "\(holds.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("private").path))
    }

    /// `run a/ b/`, each with `doc.pdf`: both are published, under `a/doc.pdf` and `b/doc.pdf`.
    @Test func inputsSharingARelativePathArePublishedApart() throws {
        let root = temporaryFolder("e2e-shared")
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("text_layer_email.pdf"), toPath: a.appendingPathComponent("doc.pdf").path)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("rotated_page_text.pdf"), toPath: b.appendingPathComponent("doc.pdf").path)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("glyph_garbage_text.pdf"), toPath: b.appendingPathComponent("other.pdf").path)
        let out = root.appendingPathComponent("out").path

        let r = try runProcess(Fixtures.binary, ["run", a.path, b.path, "--out", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains("2 files share a relative path with a file of another input")
                && r.stderr.contains("(a/doc.pdf, b/doc.pdf)"), "\(r.stderr)")
        let redacted = try FileManager.default.subpathsOfDirectory(atPath: out + "/public/redacted")
            .filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(redacted == ["a/doc.pdf", "b/doc.pdf", "other.pdf"])
        let sources = Set(
            jsonLines(out + "/public/communications.jsonl").compactMap {
                ($0["source"] as? [String: Any])?["path"] as? String
            })
        #expect(sources.isSuperset(of: ["a/doc.pdf", "b/doc.pdf"]), "\(sources)")
        #expect(!sources.contains("doc.pdf"))
    }

    @Test func aFolderWithNoPDFIsAUsageError() throws {
        let root = temporaryFolder("e2e-nopdf")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "not a pdf\n".write(to: input.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out").path
        let r = try runProcess(
            Fixtures.binary, ["run", input.path, Fixtures.path("text_layer_email.pdf"), "--out", out, "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no PDF in the input folder"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
