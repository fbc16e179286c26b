import FoiaTestSupport
import Foundation
import Testing

/// `private/` holds the unredacted text: 0700, and every file in it 0600, whatever the umask.
@Suite struct PrivateFilesEndToEndTests {
    /// Starts the binary under `umask 000`, the most permissive a user can have.
    func startWithOpenUmask(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "umask 000; exec \"$0\" \"$@\"", Fixtures.binary] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
    }

    /// Every file under `private/` with a mode other than 0600, and the folder's own mode.
    func openFiles(_ out: String) throws -> [String] {
        let folder = out + "/private"
        var open: [String] = mode(folder) == 0o700 ? [] : ["private/ " + String(mode(folder), radix: 8)]
        for rel in try FileManager.default.subpathsOfDirectory(atPath: folder) where mode(folder + "/" + rel) != 0o600 {
            open.append(rel + " " + String(mode(folder + "/" + rel), radix: 8))
        }
        return open
    }

    @Test func privateFilesAreOwnerOnlyUnderAnOpenUmask() throws {
        let root = temporaryFolder("e2e-private")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let inputs = [Fixtures.path("text_layer_email.pdf"), Fixtures.path("scanned_no_text_layer.pdf")]

        // Killed in the middle of OCR, a run leaves SQLite's write-ahead log behind.
        let killed = try startWithOpenUmask(["run"] + inputs + ["--out", out, "--jobs", "1", "--quiet"])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: out + "/private/run.sqlite-wal"), Date() < deadline,
            killed.isRunning
        {
            usleep(20_000)
        }
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: out + "/private/run.sqlite-wal"))
        let afterKill = try openFiles(out)
        #expect(afterKill.isEmpty, "\(afterKill)")

        let finished = try startWithOpenUmask(["run"] + inputs + ["--out", out, "--jobs", "2", "--quiet"])
        finished.waitUntilExit()
        #expect(finished.terminationStatus == 0)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out + "/private"))
        #expect(
            files.isSuperset(of: ["communications.jsonl", "audit.jsonl", "pages.jsonl", "review.tsv", "run.sqlite"]))
        let afterRun = try openFiles(out)
        #expect(afterRun.isEmpty, "\(afterRun)")
        // Public files keep the umask's permissions.
        #expect(mode(out + "/public/communications.jsonl") == 0o666)
    }

    /// `verify` passes only the kinds of file a run publishes.
    @Test func verifyFailsOnAKeyCopiedIntoPublic() throws {
        let root = temporaryFolder("e2e-verify-kind")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let r = try runProcess(
            Fixtures.binary, ["run", Fixtures.path("text_layer_email.pdf"), "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let clean = try runProcess(Fixtures.binary, ["verify", out, "--no-ocr"])
        #expect(clean.status == 0, "\(clean.stdout)")

        try FileManager.default.copyItem(atPath: out + "/private/pseudonym.key", toPath: out + "/public/pseudonym.key")
        let v = try runProcess(Fixtures.binary, ["verify", out, "--no-ocr"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("PROBLEM unpublished file in pseudonym.key"), "\(v.stdout)")
    }
}
