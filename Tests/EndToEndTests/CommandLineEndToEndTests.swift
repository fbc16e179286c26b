import FoiaTestSupport
import Foundation
import Testing

/// The command line's contract: exit 2 for every usage error, `--version`, the default
/// pipeline of an installed binary, and every rule-file problem listed at once.
@Suite struct CommandLineEndToEndTests {
    /// swift-argument-parser exits 64 (`EX_USAGE`) by default; the contract says 2.
    @Test func usageErrorsExitTwo() throws {
        let folder = temporaryFolder("e2e-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let email = Fixtures.path("text_layer_email.pdf")
        let cases: [(arguments: [String], says: String)] = [
            (["run"], "Missing expected argument"),
            (["run", email], "Missing expected argument '--out <out>'"),
            (["run", email, "--out", out, "--no-such-option"], "Unknown option"),
            (["run", email, "--out", out, "--jobs", "0"], "--jobs must be at least 1"),
            (["run", email, "--out", out, "--jobs", "two"], "--jobs"),
            (["merge", out, "--out", out + "2", "--jobs", "0"], "--jobs must be at least 1"),
            (["verify", out, "--jobs", "0"], "--jobs must be at least 1"),
            (["counts", out, "--format", "xml"], "--format"),
            (["no-such-command"], "Unexpected argument"),
        ]
        for c in cases {
            let r = try runProcess(Fixtures.binary, c.arguments)
            #expect(r.status == 2, "\(c.arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(c.says), "\(c.arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func versionPrintsTheBuildID() throws {
        let readelf = try runProcess("/usr/bin/readelf", ["-n", Fixtures.binary]).stdout
        let line = try #require(readelf.split(separator: "\n").first { $0.contains("Build ID:") })
        let id = try #require(line.split(separator: " ").last)
        let r = try runProcess(Fixtures.binary, ["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "foiapipe build \(id)\n")
    }

    /// `scripts/install` puts the binary in `PREFIX/bin` and the pipeline in
    /// `PREFIX/share/foiapipe`, where the binary looks for it; run from another folder.
    @Test func anInstalledBinaryFindsItsDefaultPipeline() throws {
        let prefix = temporaryFolder("e2e-install")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try runProcess(
            Fixtures.repositoryRoot.appendingPathComponent("scripts/install").path, [],
            environment: ["PREFIX": prefix.path, "BINARY": Fixtures.binary])
        try #require(install.status == 0, "\(install.stderr)")
        let binary = prefix.appendingPathComponent("bin/foiapipe").path
        #expect(
            FileManager.default.fileExists(
                atPath: prefix.appendingPathComponent("share/foiapipe/Pipelines/pii/names.yaml").path))

        let elsewhere = temporaryFolder("e2e-elsewhere")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["run", Fixtures.path("text_layer_email.pdf"), "--out", "out", "--quiet"]
        p.currentDirectoryURL = elsewhere
        var environment = ProcessInfo.processInfo.environment
        environment["FOIAPIPE_PIPELINES"] = nil
        p.environment = environment
        let err = Pipe()
        p.standardError = err
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: elsewhere.appendingPathComponent("out/public/communications.jsonl").path))
    }

    /// A problem in the pipeline, an offense file and a PII file: all three in one run.
    @Test func everyRuleFileProblemIsListedAtOnce() throws {
        let folder = temporaryFolder("e2e-rules")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipelines = folder.appendingPathComponent("Pipelines")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Pipelines"), to: pipelines)
        for file in ["default.yaml", "offenses.yaml", "pii/names.yaml"] {
            let handle = try FileHandle(forWritingTo: pipelines.appendingPathComponent(file))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("bogus_key: 1\n".utf8))
            try handle.close()
        }
        let out = folder.appendingPathComponent("out").path
        let r = try runProcess(
            Fixtures.binary,
            [
                "run", Fixtures.path("text_layer_email.pdf"), "--out", out, "--pipeline",
                pipelines.path + "/default.yaml",
            ])
        #expect(r.status == 2)
        for file in ["default.yaml", "offenses.yaml", "pii/names.yaml"] {
            let pattern = try Regex("\(pipelines.path)/\(file):[0-9]+: bogus_key: unknown key 'bogus_key'")
            #expect(r.stderr.contains(pattern), "\(file): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
