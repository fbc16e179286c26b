import FoiaTestSupport
import Foundation
import Testing

/// The run store seen from outside: a run killed with SIGKILL and run again, a dump split
/// into shards and merged, and a re-run after one input changed must all give the files an
/// uninterrupted single run gives, byte for byte.
@Suite(.serialized) struct ResumeAndShardTests {
    /// Text-layer, mixed and scanned fixtures and a scanned SampleDocs file: OCR pages take
    /// about a second each, so kills land inside files, between pages and in the write-out.
    static let inputs = [
        Fixtures.path("text_layer_email.pdf"), Fixtures.path("mixed_text_and_scan.pdf"),
        Fixtures.path("scanned_no_text_layer.pdf"),
        Fixtures.repositoryRoot.appendingPathComponent("SampleDocs/city-of-boston-trust-act-records.pdf").path,
    ]

    /// Files compared between runs.
    static let compared = [
        "public/communications.jsonl", "public/counts.csv", "private/communications.jsonl", "private/pages.jsonl",
        "private/audit.jsonl", "errors.jsonl",
    ]

    /// A folder holding the inputs and a pseudonym key shared by every run (tags depend on it).
    func workspace() throws -> (folder: URL, input: String, key: String) {
        let folder = temporaryFolder("resume")
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for path in Self.inputs {
            try FileManager.default.copyItem(
                atPath: path, toPath: input.appendingPathComponent((path as NSString).lastPathComponent).path)
        }
        let key = folder.appendingPathComponent("pseudonym.key").path
        try (String(repeating: "5a", count: 32) + "\n").write(toFile: key, atomically: true, encoding: .utf8)
        return (folder, input.path, key)
    }

    func run(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let r = try runProcess(Fixtures.binary, args)
        return (r.status, r.stderr)
    }

    func expectSameFiles(_ a: String, _ b: String, files: [String] = compared, _ comment: String) {
        for file in files {
            let x = FileManager.default.contents(atPath: a + "/" + file)
            let y = FileManager.default.contents(atPath: b + "/" + file)
            #expect(x != nil && x == y, "\(file) differs (\(comment))")
        }
    }

    /// A deterministic generator, so a failing seed can be run again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func runsKilledAtRandomMomentsResumeToTheUninterruptedOutput() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let baseline = w.folder.appendingPathComponent("baseline").path
        let started = Date()
        let full = try run(["run", w.input, "--out", baseline, "--key", w.key, "--jobs", "2", "--quiet"])
        let duration = Date().timeIntervalSince(started)
        try #require(full.status == 0, "\(full.stderr)")

        var interrupted = 0
        for seed: UInt64 in [1, 2, 3] {
            var rng = SplitMix(state: seed)
            let out = w.folder.appendingPathComponent("killed-\(seed)").path
            for _ in 0..<3 {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Fixtures.binary)
                p.arguments = ["run", w.input, "--out", out, "--key", w.key, "--jobs", "2", "--quiet"]
                p.standardError = FileHandle.nullDevice
                try p.run()
                // Within the first 60 % of a whole run: the first kill of each seed then always
                // lands in a live run (resumed runs have less left to do and may finish first).
                usleep(useconds_t(Double.random(in: 0.02...0.6, using: &rng) * duration * 1_000_000))
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                if p.terminationReason == .uncaughtSignal { interrupted += 1 }
            }
            let resumed = try run(["run", w.input, "--out", out, "--key", w.key, "--jobs", "2", "--quiet"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            expectSameFiles(baseline, out, "seed \(seed)")
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        }
        // Otherwise every run finished before its kill and nothing was tested.
        #expect(interrupted >= 3, "only \(interrupted) runs were interrupted")
    }

    @Test func shardsMergedEqualASingleRun() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let single = w.folder.appendingPathComponent("single").path
        let s1 = w.folder.appendingPathComponent("shard1").path
        let s2 = w.folder.appendingPathComponent("shard2").path
        let merged = w.folder.appendingPathComponent("merged").path
        #expect(try run(["run", w.input, "--out", single, "--key", w.key, "--quiet"]).status == 0)
        #expect(try run(["run", w.input, "--out", s1, "--shard", "1/2", "--quiet"]).status == 0)

        // A merge without every shard is refused and writes nothing.
        let partial = try run(["merge", s1, "--out", merged, "--key", w.key, "--quiet"])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("shard 2/2 missing"), "\(partial.stderr)")
        #expect(!FileManager.default.fileExists(atPath: merged + "/public"))

        #expect(try run(["run", w.input, "--out", s2, "--shard", "2/2", "--quiet"]).status == 0)
        // Both shards did some of the work, and neither published anything.
        for shard in [s1, s2] {
            let pages = (try? String(contentsOfFile: shard + "/private/pages.jsonl", encoding: .utf8)) ?? ""
            #expect(!pages.isEmpty, "\(shard) processed no document")
            #expect(!FileManager.default.fileExists(atPath: shard + "/public/communications.jsonl"))
        }
        let m = try run(["merge", s1, s2, "--out", merged, "--key", w.key, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        expectSameFiles(single, merged, files: Self.compared + ["private/review.tsv"], "merge of 2 shards")
    }

    /// `N unchanged, N pages read, N resumed` from the summary line.
    func stages(_ stderr: String) throws -> (unchanged: Int, read: Int, resumed: Int) {
        let line = try #require(stderr.split(separator: "\n").last(where: { $0.contains(" unchanged, ") }))
        let numbers = line.split(separator: ";")[1].split(whereSeparator: { !$0.isNumber && $0 != "." })
        return (Int(numbers[0])!, Int(numbers[1])!, Int(numbers[2])!)
    }

    @Test func aChangedFileIsReprocessedAndAnUnchangedOneIsNot() throws {
        let w = try workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let input = w.folder.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("text_layer_email.pdf"), toPath: input + "/a.pdf")
        try FileManager.default.copyItem(atPath: Fixtures.path("rotated_page_text.pdf"), toPath: input + "/b.pdf")
        let out = w.folder.appendingPathComponent("out").path
        let args = ["run", input, "--out", out, "--key", w.key]

        let first = try run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try stages(first.stderr) == (0, 3, 0))

        let again = try run(args)
        #expect(try stages(again.stderr) == (2, 0, 0))

        // b.pdf gets another content (1 page); only it is read again.
        try FileManager.default.removeItem(atPath: input + "/b.pdf")
        try FileManager.default.copyItem(atPath: Fixtures.path("glyph_garbage_text.pdf"), toPath: input + "/b.pdf")
        let changed = try run(args)
        #expect(try stages(changed.stderr) == (1, 1, 0))
        let pages = try String(contentsOfFile: out + "/private/pages.jsonl", encoding: .utf8)
        let newHash = try #require(try runProcess("/usr/bin/sha256sum", [input + "/b.pdf"]).stdout.split(separator: " ").first)
        #expect(pages.contains("\"path\":\"b.pdf\",\"sha256\":\"\(newHash)\""))

        // A file no longer among the inputs is no longer in the output.
        try FileManager.default.removeItem(atPath: input + "/a.pdf")
        let removed = try run(args)
        #expect(try stages(removed.stderr) == (1, 0, 0))
        let after = try String(contentsOfFile: out + "/private/pages.jsonl", encoding: .utf8)
        #expect(!after.contains("a.pdf") && after.contains("b.pdf"))
        let published = try String(contentsOfFile: out + "/public/communications.jsonl", encoding: .utf8)
        #expect(!published.contains("\"a.pdf\""))
    }
}
