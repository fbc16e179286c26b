import FoiaTestSupport
import Foundation
import Testing

/// A document is published whole or not at all: when its redacted PDF cannot be written, its
/// records and counts stay out of `public/` too, and `errors.jsonl` says why with a real code.
///
/// The full disk and the read-only volume are real: a small tmpfs mounted over
/// `public/redacted` (the tests run as root, as `scripts/test` does).
@Suite(.serialized) struct PublicationFailureEndToEndTests {
    func jsonLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    func sourcePaths(_ file: String) -> [String] {
        jsonLines(file).compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
    }

    func mount(_ options: String, at folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let r = try runProcess("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder])
        try #require(r.status == 0, "cannot mount a tmpfs (the tests need root): \(r.stderr)")
    }

    func unmount(_ folder: String) {
        _ = try? runProcess("/bin/umount", [folder])
    }

    func inputs(_ root: URL) throws -> String {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        // The scanned copy is about 170 KB, the text one 36 KB.
        for name in ["scanned_no_text_layer.pdf", "text_layer_email.pdf"] {
            try FileManager.default.copyItem(
                atPath: Fixtures.path(name), toPath: input.appendingPathComponent(name).path)
        }
        return input.path
    }

    @Test func aCopyThatDoesNotFitTheDiskIsNotPublishedAtAll() throws {
        let root = temporaryFolder("e2e-diskfull")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try inputs(root)
        let out = root.appendingPathComponent("out").path
        let redacted = out + "/public/redacted"
        try mount("size=64k", at: redacted)
        defer { unmount(redacted) }

        // One worker: the scanned copy fails alone, its space is freed, the text copy fits.
        let r = try runProcess(Fixtures.binary, ["run", input, "--out", out, "--jobs", "1", "--quiet"])
        #expect(r.status == 1, "\(r.stderr)")
        let errors = jsonLines(out + "/errors.jsonl")
        #expect(errors.count == 1)
        #expect(errors.first?["path"] as? String == "scanned_no_text_layer.pdf")
        #expect(errors.first?["stage"] as? String == "publish")
        #expect(errors.first?["code"] as? String == "diskFull")
        let message = errors.first?["error"] as? String ?? ""
        #expect(message.contains("disk is full") && !message.contains("NSCocoaErrorDomain"), "\(message)")

        #expect(sourcePaths(out + "/public/communications.jsonl") == ["text_layer_email.pdf"])
        #expect(
            Set(sourcePaths(out + "/private/communications.jsonl")) == [
                "scanned_no_text_layer.pdf", "text_layer_email.pdf",
            ])
        let counts = try String(contentsOfFile: out + "/public/counts.csv", encoding: .utf8)
        #expect(counts.split(separator: "\n").last == "ALL,ALL,1,0", "\(counts)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: redacted) == ["text_layer_email.pdf"])
    }

    @Test func aReadOnlyVolumeIsNamedAsSuch() throws {
        let root = temporaryFolder("e2e-readonly")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = try inputs(root)
        let out = root.appendingPathComponent("out").path
        let redacted = out + "/public/redacted"
        try mount("ro", at: redacted)
        defer { unmount(redacted) }

        let r = try runProcess(Fixtures.binary, ["run", input, "--out", out, "--jobs", "2", "--quiet"])
        #expect(r.status == 1, "\(r.stderr)")
        let errors = jsonLines(out + "/errors.jsonl")
        #expect(errors.map { $0["code"] as? String } == ["readOnly", "readOnly"])
        #expect(errors.allSatisfy { ($0["error"] as? String)?.contains("read-only") == true })
        #expect(sourcePaths(out + "/public/communications.jsonl").isEmpty)
        let counts = try String(contentsOfFile: out + "/public/counts.csv", encoding: .utf8)
        #expect(counts.split(separator: "\n").last == "ALL,ALL,0,0", "\(counts)")
    }

    /// A legal 239-byte file name is published (its temporary name used to pass 255 bytes); a
    /// PDF without pages and a published path longer than `PATH_MAX` get their own codes.
    @Test func longNamesAndEmptyDocumentsGetTheirOwnCodes() throws {
        let root = temporaryFolder("e2e-names")
        defer { _ = try? runProcess("/bin/rm", ["-rf", root.path]) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let longName = String(repeating: "x", count: 235) + ".pdf"
        #expect(longName.utf8.count == 239)
        try FileManager.default.copyItem(
            atPath: Fixtures.path("text_layer_email.pdf"), toPath: input.appendingPathComponent(longName).path)
        try Self.pdfWithoutPages.write(to: input.appendingPathComponent("no_pages.pdf"))
        // A path that reads within PATH_MAX from the input but not under the output folder
        // (made with mkdir and cp: Foundation gives up on paths this long).
        var deep = input.path
        while deep.utf8.count < 3800 { deep += "/" + String(repeating: "d", count: 200) }
        #expect(try runProcess("/bin/mkdir", ["-p", deep]).status == 0)
        #expect(try runProcess("/bin/cp", [Fixtures.path("rotated_page_text.pdf"), deep + "/deep.pdf"]).status == 0)
        let out = root.appendingPathComponent(String(repeating: "o", count: 250)).path

        let r = try runProcess(Fixtures.binary, ["run", input.path, "--out", out, "--jobs", "2", "--quiet"])
        #expect(r.status == 1, "\(r.stderr)")
        let errors = jsonLines(out + "/errors.jsonl")
        var codes: [String: String] = [:]
        for e in errors {
            let path = e["path"] as? String ?? ""
            codes[path.hasSuffix("/deep.pdf") ? "deep.pdf" : path] = e["code"] as? String
        }
        #expect(codes == ["no_pages.pdf": "noPages", "deep.pdf": "nameTooLong"], "\(errors)")
        #expect(FileManager.default.fileExists(atPath: out + "/public/redacted/" + longName))
        #expect(sourcePaths(out + "/public/communications.jsonl") == [longName])
    }

    /// A well-formed PDF whose page tree is empty.
    static var pdfWithoutPages: Data {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }
}
