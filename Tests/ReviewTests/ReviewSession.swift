import FoiaTestSupport
import Foundation
import Testing

/// A real run of a SampleDocs file (five scanned pages, OCR), and `foiapipe review` serving it.
enum ReviewFixture {
    /// A scanned arrest list and e-mails: private persons, dates of birth, officials.
    static let input = Fixtures.repositoryRoot.appendingPathComponent("SampleDocs/city-of-boston-trust-act-records.pdf")
        .path
    static let document = "city-of-boston-trust-act-records.pdf"

    /// One run, copied for each test that changes it (the run OCRs five pages).
    static let run: Result<URL, ReviewTestFailure> = {
        let out = temporaryFolder("review-run")
        do {
            let r = try runProcess(Fixtures.binary, ["run", input, "--out", out.path, "--quiet"])
            guard r.status == 0 else { return .failure(ReviewTestFailure("run exited \(r.status): \(r.stderr)")) }
            return .success(out)
        } catch {
            return .failure(ReviewTestFailure("\(error)"))
        }
    }()

    /// A fresh copy of the run's output folder.
    static func copy() throws -> URL {
        let original = try run.get()
        let copy = temporaryFolder("review-copy")
        try FileManager.default.removeItem(at: copy)
        let r = try runProcess("/bin/cp", ["-a", original.path, copy.path])
        guard r.status == 0 else { throw ReviewTestFailure("cp: \(r.stderr)") }
        return copy
    }
}

struct ReviewTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// `foiapipe review DIR` running in the background, stopped by `stop()`.
final class ReviewSession {
    let process = Process()
    let url: URL
    let base: String
    let token: String
    let log: URL

    init(_ directory: URL, extra: [String] = []) throws {
        log = directory.appendingPathComponent("review-stdout.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: Fixtures.binary)
        process.arguments = ["review", directory.path, "--reviewer", "test-reviewer"] + extra
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var line: String?
        for _ in 0..<300 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let r = text.range(of: "http://[^ \n]+", options: .regularExpression) {
                line = String(text[r])
                break
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard let line, let url = URL(string: line), let t = line.range(of: "token=") else {
            process.terminate()
            throw ReviewTestFailure(
                "foiapipe review printed no URL: " + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
        }
        self.url = url
        token = String(line[t.upperBound...])
        base = "http://\(url.host ?? ""):\(url.port ?? 0)"
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// A request with curl: status and body. `--path-as-is` keeps `../` as sent.
    func curl(_ path: String, method: String = "GET", headers: [String] = [], body: String? = nil) throws -> (
        status: Int, body: String
    ) {
        var args = ["-s", "--path-as-is", "-X", method, "-w", "\n%{http_code}"]
        for h in headers { args += ["-H", h] }
        if let body { args += ["--data-binary", body] }
        args.append(base + path)
        let r = try runProcess("/usr/bin/curl", args)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
