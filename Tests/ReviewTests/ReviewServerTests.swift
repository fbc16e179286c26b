import FoiaTestSupport
import Foundation
import Testing

/// The review app's security promises, tried against the real server over HTTP.
@Suite(.serialized) struct ReviewServerTests {
    @Test func everyRequestNeedsTheTokenAndNoPathOutsideTheRunIsRead() throws {
        let dir = try ReviewFixture.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try ReviewSession(dir)
        defer { s.stop() }
        #expect(s.url.host == "127.0.0.1")
        #expect(s.token.count == 64, "32 random bytes as hex")
        // Listening on the loopback address only: /proc/net/tcp lists 0100007F:PORT, never 00000000:PORT.
        let port = String(format: "%04X", s.url.port ?? 0)
        let sockets = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(":\(port) ") && $0.contains(" 0A ") }  // 0A: LISTEN
        #expect(sockets.contains { $0.contains("0100007F:\(port)") }, "\(sockets)")
        #expect(!sockets.contains { $0.contains("00000000:\(port)") }, "\(sockets)")

        // Without the token, or with another one: nothing.
        for path in ["/", "/app.js", "/api/queue", "/api/persons", "/api/page?doc=\(ReviewFixture.document)&page=1"] {
            #expect(try s.curl(path).status == 403, "\(path)")
            #expect(
                try s.curl(path + (path.contains("?") ? "&" : "?") + "token=" + String(repeating: "0", count: 64))
                    .status == 403)
        }
        let t = "token=" + s.token
        #expect(try s.curl("/?\(t)").status == 200)
        #expect(try s.curl("/api/page?\(t)&doc=\(ReviewFixture.document)&page=3").status == 200)

        // Traversal: documents are looked up among the run's, never opened by the name given.
        let attempts = [
            "/../../../../../../etc/passwd?\(t)", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd?\(t)",
            "/app.js/../../../../etc/passwd?\(t)",
            "/api/image?\(t)&doc=../../../../../../etc/passwd&page=1",
            "/api/image?\(t)&doc=%2Fetc%2Fpasswd&page=1",
            "/api/image?\(t)&doc=..%2F..%2F..%2F..%2Fetc%2Fpasswd&page=1",
            "/api/page?\(t)&doc=../private/audit.jsonl&page=1",
            "/api/page?\(t)&doc=\(ReviewFixture.document)/../../private/pseudonym.key&page=1",
            "/api/image?\(t)&doc=\(ReviewFixture.document)&page=99",
            "/private/audit.jsonl?\(t)", "/public/../private/pseudonym.key?\(t)",
        ]
        let key = try String(contentsOf: dir.appendingPathComponent("private/pseudonym.key"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for a in attempts {
            let r = try s.curl(a)
            #expect(r.status == 404 || r.status == 400, "\(a): \(r.status)")
            #expect(!r.body.contains("root:"), "\(a)")
            #expect(!r.body.contains(key), "\(a)")
            #expect(!r.body.contains("XOL, SONIA"), "\(a)")
        }

        // State changes: POST with the token in the header only, from the loopback host name only.
        let decision = "{\"decision\":\"remove\",\"path\":\"\(ReviewFixture.document)\",\"text\":\"12-12-99\"}"
        let decisions = dir.appendingPathComponent("private/decisions.jsonl").path
        #expect(try s.curl("/api/decision?\(t)", method: "POST", body: decision).status == 403)
        #expect(try s.curl("/api/decision", method: "GET", headers: ["X-Review-Token: \(s.token)"]).status != 200)
        #expect(
            try s.curl(
                "/api/decision", method: "POST", headers: ["X-Review-Token: \(s.token)", "Host: evil.example"],
                body: decision
            ).status == 403, "a rebound host name")
        #expect(!FileManager.default.fileExists(atPath: decisions), "no refused request wrote a decision")
        let bad = "{\"decision\":\"remove\",\"path\":\"../../etc/passwd\",\"text\":\"x\"}"
        #expect(
            try s.curl("/api/decision", method: "POST", headers: ["X-Review-Token: \(s.token)"], body: bad).status
                == 400)
        let ok = try s.curl("/api/decision", method: "POST", headers: ["X-Review-Token: \(s.token)"], body: decision)
        #expect(ok.status == 200, "\(ok.body)")

        // The decision is on file, 0600, with who and when; the private folder stays 0700.
        let attributes = try FileManager.default.attributesOfItem(atPath: decisions)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("private").path)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let line = try String(contentsOfFile: decisions, encoding: .utf8)
        #expect(line.contains("\"reviewer\":\"test-reviewer\"") && line.contains("\"at\":\"20"), "\(line)")
        #expect(line.contains("\"scope\":\"document\""), "\(line)")

        // An undo names an earlier line by id; an id never written, or a page 0, is refused.
        let header = ["X-Review-Token: \(s.token)"]
        let id = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String ?? ""
        #expect(id.hasPrefix("d") && id.count == 17, "\(line)")
        #expect(try s.curl("/api/decision", method: "POST", headers: header, body: #"{"decision":"undo","of":"d0"}"#)
            .status == 400)
        let page0 = "{\"decision\":\"withhold\",\"path\":\"\(ReviewFixture.document)\",\"page\":0}"
        #expect(try s.curl("/api/decision", method: "POST", headers: header, body: page0).status == 400)
        let undo = try s.curl(
            "/api/decision", method: "POST", headers: header, body: "{\"decision\":\"undo\",\"of\":\"\(id)\"}")
        #expect(undo.status == 200, "\(undo.body)")
        let log = try String(contentsOfFile: decisions, encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2 && log.hasPrefix(line), "append-only: \(log)")

        // The page loads nothing from elsewhere: every script and style is the binary's.
        let page = try s.curl("/?\(t)").body
        #expect(page.contains("<script src=\"/app.js?"), "\(page)")
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("//cdn"), "\(page)")
        let script = try s.curl("/app.js?\(t)").body
        #expect(script.contains("X-Review-Token") && !script.contains("https://"))
        let headers = try runProcess("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null", s.base + "/?\(t)"]).stdout
        #expect(headers.lowercased().contains("content-security-policy: default-src 'none'"), "\(headers)")
    }

    @Test func pageImagesAreTheSourcePageAt150DPI() throws {
        let dir = try ReviewFixture.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try ReviewSession(dir)
        defer { s.stop() }
        let path = "/api/image?token=\(s.token)&doc=\(ReviewFixture.document)&page=3"
        let image = dir.appendingPathComponent("page3.jpg").path
        var timings: [Double] = []
        for _ in 0..<2 {
            let r = try runProcess(
                "/usr/bin/curl", ["-s", "-o", image, "-w", "%{http_code} %{time_total}", s.base + path])
            let parts = r.stdout.split(separator: " ")
            #expect(parts.first == "200")
            timings.append(Double(parts.last ?? "") ?? 0)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: image))
        #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]), "a JPEG")
        // 150 dpi of a letter page: 1275 × 1650 pixels (SOF0 holds height, then width).
        let b = [UInt8](bytes)
        let sof = b.indices.dropLast(9).first { b[$0] == 0xFF && b[$0 + 1] == 0xC0 }
        let size = sof.map { (Int(b[$0 + 7]) << 8 | Int(b[$0 + 8]), Int(b[$0 + 5]) << 8 | Int(b[$0 + 6])) }
        #expect(size?.0 == 1275 && size?.1 == 1650, "\(String(describing: size))")
        // The second request comes from the cache; timings are reported, not asserted (scripts/bench-review).
        print("review page image: first \(timings[0]) s, cached \(timings[1]) s")
    }
}
