import FoiaTestSupport
import Foundation
import Testing

/// The analyst files in the programs analysts open them with: Debian's Chromium (headless)
/// renders `report.html`, and Datasette from PyPI serves `foiapipe.sqlite` with its
/// `metadata.json`. `scripts/setup` installs both (Chromium by apt, Datasette into
/// `.venv-datasette/`); nothing here is mocked, so a missing program fails the test.
@Suite(.serialized) struct BrowserAndDatasetteTests {
    static let chromium = "/usr/bin/chromium"
    static let venv = Fixtures.repositoryRoot.appendingPathComponent(".venv-datasette/bin")

    /// Chromium's own background traffic (updates, sign-in, dictionaries), not the page's.
    static let browserHosts = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]

    struct Render {
        var png: Data
        /// Lines Chromium logs for the page's console (errors, CSP violations, messages).
        var console: [String]
        /// http(s) URLs the page asked for.
        var requests: [String]
    }

    /// Renders an HTML file to a PNG with headless Chromium, logging its console and network.
    func render(_ html: String, width: Int = 1100, height: Int = 2400) throws -> Render {
        #expect(FileManager.default.isExecutableFile(atPath: Self.chromium), "chromium missing: run scripts/setup")
        let work = temporaryFolder("analyst-chromium")
        defer { try? FileManager.default.removeItem(at: work) }
        let png = work.appendingPathComponent("shot.png").path
        let net = work.appendingPathComponent("net.json").path
        let r = try runProcess(
            Self.chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=\(work.path)/profile", "--log-net-log=\(net)",
                "--window-size=\(width),\(height)", "--screenshot=\(png)", URL(fileURLWithPath: html).absoluteString,
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let console = r.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        var requests: [String] = []
        if let data = FileManager.default.contents(atPath: net) {
            // The net log is JSON; a killed browser may leave it unterminated, so read URLs as text.
            let text = String(decoding: data, as: UTF8.self)
            let pattern = try NSRegularExpression(pattern: "\"url\":\"(https?://[^\"]+)\"")
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let u = Range(m.range(at: 1), in: text) else { continue }
                let url = String(text[u])
                let host = URL(string: url)?.host ?? ""
                if !Self.browserHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                    requests.append(url)
                }
            }
        }
        return Render(png: FileManager.default.contents(atPath: png) ?? Data(), console: console, requests: requests)
    }

    @Test func theHarnessSeesConsoleErrorsAndRequests() throws {
        // A page that does both, so the test below can fail.
        let work = temporaryFolder("analyst-negative")
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("bad.html").path
        try
            "<!DOCTYPE html><title>x</title><link rel=\"icon\" href=\"data:,\"><p>x</p><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('broken')</script>"
            .write(toFile: page, atomically: true, encoding: .utf8)
        let r = try render(page, width: 400, height: 300)
        #expect(r.console.contains { $0.contains("broken") })
        #expect(r.requests.contains("http://127.0.0.1:9/x.png"))
    }

    @Test func chromiumRendersTheReportWithoutErrorsOrRequests() throws {
        let out = try SampleRun.folder()
        let r = try render(out.path + "/public/report.html")
        #expect(r.console.isEmpty, "\(r.console)")
        #expect(r.requests.isEmpty, "\(r.requests)")
        #expect(r.png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(r.png.count > 50_000, "a page with charts, not a blank one (\(r.png.count) bytes)")
        if let keep = ProcessInfo.processInfo.environment["FOIAPIPE_REPORT_SCREENSHOT"] {
            try r.png.write(to: URL(fileURLWithPath: keep))
        }
    }

    /// GETs a URL with the venv's Python (no HTTP client in the test's dependencies).
    func get(_ url: String, timeout: Int = 10) throws -> (status: Int32, body: String) {
        let r = try runProcess(
            Self.venv.appendingPathComponent("python").path,
            [
                "-c",
                "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=\(timeout)).read().decode())",
                url,
            ])
        return (r.status, r.stdout)
    }

    func json(_ url: String) throws -> [String: Any] {
        let r = try get(url)
        #expect(r.status == 0, "GET \(url)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any], "GET \(url)")
    }

    /// `value → count` of one facet of a Datasette table query.
    func facet(_ object: [String: Any], _ name: String) throws -> [String: Int] {
        let results = try #require(object["facet_results"] as? [String: Any])
        let facet = try #require(results[name] as? [String: Any], "facet \(name)")
        var out: [String: Int] = [:]
        for item in (facet["results"] as? [[String: Any]]) ?? [] {
            guard let count = item["count"] as? Int else { continue }
            out["\(item["value"].map { "\($0)" } ?? "")"] = count
        }
        return out
    }

    @Test func datasetteServesTheDatabaseAndItsFacetsGiveTheCounts() throws {
        let out = try SampleRun.folder()
        let datasette = Self.venv.appendingPathComponent("datasette").path
        try #require(FileManager.default.isExecutableFile(atPath: datasette), "datasette missing: run scripts/setup")
        let csv = try SampleRun.countsCSV(out)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: datasette)
        let port = Int.random(in: 20_000..<60_000)
        server.arguments = [
            "serve", "-i", out.path + "/public/foiapipe.sqlite", "-m", out.path + "/public/metadata.json", "-h",
            "127.0.0.1",
            "-p", "\(port)",
        ]
        // Its log goes to a file: a pipe nobody reads could fill and stall the server.
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("datasette-\(port).log").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try #require(FileHandle(forWritingAtPath: logPath))
        server.standardOutput = log
        server.standardError = log
        try server.run()
        defer {
            // Uvicorn's graceful SIGTERM can wait for ever on a test machine; the server holds nothing.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            try? log.close()
            try? FileManager.default.removeItem(atPath: logPath)
        }
        let base = "http://127.0.0.1:\(port)"
        var up = false
        for _ in 0..<120 where server.isRunning {
            if try get(base + "/-/versions.json", timeout: 2).status == 0 {
                up = true
                break
            }
            usleep(250_000)
        }
        try #require(
            up,
            "datasette did not start on port \(port): \((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")")

        // Per category, the level facet over its offenses is counts.csv's row.
        var categories = Set<String>()
        for key in csv.keys where key != "ALL|ALL" { categories.insert(String(key.split(separator: "|")[0])) }
        let all = try json(base + "/foiapipe/offenses.json?is_duplicate=0&_facet=category&_facet_size=max&_size=0")
        let byCategory = try facet(all, "category")
        for category in categories.sorted() {
            let levels = csv.filter { $0.key.hasPrefix(category + "|") }
            #expect(byCategory[category] == levels.values.reduce(0) { $0 + $1.0 }, "\(category)")
            let q = try json(
                base
                    + "/foiapipe/offenses.json?is_duplicate=0&category=\(category)&_facet=level&_facet=detainer&_size=0"
            )
            let byLevel = try facet(q, "level")
            for (key, value) in levels {
                #expect(byLevel[String(key.split(separator: "|")[1])] == value.0, "\(key)")
            }
            if levels.count == 1 {
                #expect((try facet(q, "detainer"))["1", default: 0] == levels.first?.value.1, "\(category)")
            }
        }
        // The detainer facet over communications is the ALL row.
        let total = try #require(csv["ALL|ALL"])
        let communications = try json(base + "/foiapipe/communications.json?is_duplicate=0&_facet=detainer&_size=0")
        #expect(communications["filtered_table_rows_count"] as? Int == total.0)
        #expect((try facet(communications, "detainer"))["1", default: 0] == total.1)
        // The metadata is in use (suggested facets, titles) and the search index answers.
        let table = try json(base + "/foiapipe/communications.json?_size=0")
        let suggested = Set(((table["facet_results"] as? [String: Any]) ?? [:]).keys)
        #expect(suggested.isSuperset(of: ["month", "detainer"]))
        let search = try json(base + "/foiapipe/communications.json?_search=detainer&_size=0")
        #expect((search["filtered_table_rows_count"] as? Int ?? 0) > 0)
        let page = try get(base + "/foiapipe/counts")
        #expect(page.body.contains("Counts per offense"))
    }
}
