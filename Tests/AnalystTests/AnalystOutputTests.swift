import FoiaTestSupport
import Foundation
import Output
import RunStore
import Testing

/// One run of the binary over SampleDocs, shared by the analyst tests (it OCRs 21 pages).
enum SampleRun {
    static let result: Result<URL, RunFailure> = {
        let out = temporaryFolder("analyst-sample")
        do {
            let r = try runProcess(
                Fixtures.binary,
                [
                    "run", Fixtures.repositoryRoot.appendingPathComponent("SampleDocs").path, "--out", out.path,
                    "--quiet",
                ])
            guard r.status == 0 else { return .failure(RunFailure(message: "run exited \(r.status): \(r.stderr)")) }
            return .success(out)
        } catch {
            return .failure(RunFailure(message: "\(error)"))
        }
    }()

    struct RunFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func folder() throws -> URL { try result.get() }

    /// `counts.csv` as rows (category, level) → (communications, with_detainer), the `ALL` row included.
    static func countsCSV(_ out: URL) throws -> [String: (Int, Int)] {
        let text = try String(contentsOfFile: out.path + "/public/counts.csv", encoding: .utf8)
        var rows: [String: (Int, Int)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let n = Int(f[2]), let d = Int(f[3]) else { continue }
            rows[f[0] + "|" + f[1]] = (n, d)
        }
        return rows
    }

    /// A copy of the run's folder to plant strings in.
    static func copy(_ out: URL, _ name: String) throws -> URL {
        let copy = temporaryFolder(name)
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: out, to: copy)
        return copy
    }

    /// An audited person's name of the run (what verify must find if it comes back).
    static func auditedName(_ out: URL) throws -> String {
        let text = try String(contentsOfFile: out.path + "/private/audit.jsonl", encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                o["type"] as? String == "person_name", let s = o["original"] as? String,
                s.split(separator: " ").count >= 2, s.allSatisfy({ $0.isLetter || $0 == " " })
            else { continue }
            return s
        }
        throw RunFailure(message: "no two-word person name in the audit")
    }
}

@Suite(.serialized) struct AnalystOutputTests {
    /// `data-key` → number, as the report prints them.
    func reportNumbers(_ html: String) throws -> [String: Int] {
        let pattern = try NSRegularExpression(pattern: "data-key=\"([^\"]+)\">([0-9]+)<")
        var out: [String: Int] = [:]
        for m in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let k = Range(m.range(at: 1), in: html), let v = Range(m.range(at: 2), in: html) else { continue }
            out[String(html[k])] = Int(html[v])
        }
        return out
    }

    @Test func reportNumbersEqualCountsCSV() throws {
        let out = try SampleRun.folder()
        let csv = try SampleRun.countsCSV(out)
        let html = try String(contentsOfFile: out.path + "/public/report.html", encoding: .utf8)
        let numbers = try reportNumbers(html)
        #expect(csv.count > 5, "SampleDocs covers every offense category")
        for (key, (n, d)) in csv {
            if key == "ALL|ALL" {
                #expect(numbers["total|communications"] == n)
                #expect(numbers["total|with_detainer"] == d)
                #expect(numbers["all|communications"] == n)
                #expect(numbers["all|with_detainer"] == d)
                continue
            }
            #expect(numbers["offense|\(key)|communications"] == n, "\(key)")
            #expect(numbers["offense|\(key)|with_detainer"] == d, "\(key)")
            #expect(numbers["offense|\(key)|without_detainer"] == n - d, "\(key)")
        }
        // Exactly the rows of counts.csv, no more.
        #expect(
            numbers.keys.filter { $0.hasPrefix("offense|") && $0.hasSuffix("|communications") }.count == csv.count - 1)
        // Severity, months and the detainer share add up to the total.
        let total = try #require(csv["ALL|ALL"])
        let severities = ["felony", "misdemeanor", "civil", "unknown", "none"]
        #expect(severities.compactMap { numbers["severity|\($0)|communications"] }.reduce(0, +) == total.0)
        #expect(severities.compactMap { numbers["severity|\($0)|with_detainer"] }.reduce(0, +) == total.1)
        #expect(severities.compactMap { numbers["minor|\($0)"] }.reduce(0, +) == total.1)
        #expect(numbers["minor|detainer_communications"] == total.1)
        let months = numbers.filter { $0.key.hasPrefix("month|") && $0.key.hasSuffix("|communications") }
        #expect(months.values.reduce(0, +) == total.0)
        #expect(months.count > 1, "SampleDocs spans several months")
        // Every linked number's list is in the file, and every id it names is listed.
        let anchors = try NSRegularExpression(pattern: "href=\"#(g[0-9]+|c-[0-9a-f]+)\"")
        for m in anchors.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let r = Range(m.range(at: 1), in: html) else { continue }
            #expect(html.contains("id=\"\(html[r])\""), "dangling link #\(html[r])")
        }
        // Self-contained: nothing to fetch.
        for external in ["https://", "<script", " src=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5, "five charts")
        #expect(html.components(separatedBy: "<title id=").count - 1 >= 5, "each chart has a title")
    }

    @Test func countsByDimensionsAndTheOldOutput() throws {
        let out = try SampleRun.folder()
        let csv = try String(contentsOfFile: out.path + "/public/counts.csv", encoding: .utf8)
        let plain = try runProcess(Fixtures.binary, ["counts", out.path])
        #expect(plain.status == 0)
        #expect(plain.stdout == csv, "foiapipe counts DIR prints counts.csv")
        let byCategoryLevel = try runProcess(
            Fixtures.binary, ["counts", out.path, "--by", "category", "--by", "level"])
        #expect(byCategoryLevel.stdout == csv, "grouped by category and level it is counts.csv")
        let total = try #require(try SampleRun.countsCSV(out)["ALL|ALL"])

        let month = try runProcess(Fixtures.binary, ["counts", out.path, "--by", "month", "--by", "detainer"])
        #expect(month.status == 0, "\(month.stderr)")
        let lines = month.stdout.split(separator: "\n")
        #expect(lines.first == "month,detainer,communications,with_detainer")
        var sum = 0
        var detained = 0
        for line in lines.dropFirst().dropLast() {
            let f = line.split(separator: ",")
            #expect(f.count == 4 && (f[1] == "true" || f[1] == "false"))
            let n = Int(f[2]) ?? -1
            sum += n
            if f[1] == "true" {
                detained += n
                #expect(f[3] == f[2])
            } else {
                #expect(f[3] == "0")
            }
        }
        #expect(sum == total.0 && detained == total.1)
        #expect(lines.last == "ALL,ALL,\(total.0),\(total.1)")

        let json = try runProcess(Fixtures.binary, ["counts", out.path, "--by", "detainer", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["communications"] as? Int == total.0)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first { $0["detainer"] as? Bool == true }?["communications"] as? Int == total.1)

        let markdown = try runProcess(Fixtures.binary, ["counts", out.path, "--by", "level", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("| level | communications | with a detainer |\n|---|---:|---:|\n"))
        #expect(markdown.stdout.contains("| **all** | **\(total.0)** | **\(total.1)** |"))

        let bad = try runProcess(Fixtures.binary, ["counts", out.path, "--by", "week"])
        #expect(bad.status != 0)
    }

    @Test func databaseCountsEqualCountsCSV() throws {
        let out = try SampleRun.folder()
        let csv = try SampleRun.countsCSV(out)
        let db = try SQLiteConnection(path: out.path + "/public/foiapipe.sqlite", readOnly: true)
        // Counted from the rows, the way an analyst would.
        let q = try db.prepare(
            """
            SELECT o.category, o.level, COUNT(DISTINCT o.communication_id),
                   COUNT(DISTINCT CASE WHEN c.detainer = 1 THEN o.communication_id END)
            FROM offenses o JOIN communications c ON c.id = o.communication_id
            WHERE c.duplicate_of IS NULL
            GROUP BY o.category, o.level
            """)
        var fromRows: [String: (Int, Int)] = [:]
        while try q.step() { fromRows[q.text(0) + "|" + q.text(1)] = (Int(q.int(2)), Int(q.int(3))) }
        let all = try db.prepare("SELECT COUNT(*), SUM(detainer) FROM communications WHERE duplicate_of IS NULL")
        #expect(try all.step())
        fromRows["ALL|ALL"] = (Int(all.int(0)), Int(all.int(1)))
        #expect(fromRows.count == csv.count)
        for (k, v) in csv {
            #expect(fromRows[k].map { $0 == v } == true, "\(k): \(String(describing: fromRows[k])) vs \(v)")
        }
        // And the counts table is counts.csv.
        let table = try db.prepare("SELECT category, level, communications, with_detainer FROM counts")
        var rows = 0
        while try table.step() {
            rows += 1
            #expect(
                csv[table.text(0) + "|" + table.text(1)].map { $0 == (Int(table.int(2)), Int(table.int(3))) } == true)
        }
        #expect(rows == csv.count)
        // Foreign keys hold, the search index answers, and the published records are all there.
        let fk = try db.prepare("PRAGMA foreign_key_check")
        #expect(try !fk.step(), "foreign keys")
        let fts = try db.prepare(
            "SELECT COUNT(*) FROM communications_fts WHERE communications_fts MATCH 'detainer OR ICE'")
        #expect(try fts.step() && fts.int(0) > 0)
        let published = try String(contentsOfFile: out.path + "/public/communications.jsonl", encoding: .utf8)
            .split(separator: "\n").count
        let count = try db.prepare("SELECT COUNT(*) FROM communications")
        #expect(try count.step() && Int(count.int(0)) == published)
        let metadata = try Data(contentsOf: URL(fileURLWithPath: out.path + "/public/metadata.json"))
        let meta = try #require(try JSONSerialization.jsonObject(with: metadata) as? [String: Any])
        #expect(meta["databases"] != nil)
    }

    /// Runs verify (without OCR) on a copy with one change, and returns its output.
    func verifyCopy(_ name: String, plant: (URL, String) throws -> Void) throws -> (status: Int32, stdout: String) {
        let out = try SampleRun.folder()
        let copy = try SampleRun.copy(out, name)
        defer { try? FileManager.default.removeItem(at: copy) }
        try plant(copy, try SampleRun.auditedName(out))
        let r = try runProcess(Fixtures.binary, ["verify", copy.path, "--no-ocr"])
        return (r.status, r.stdout)
    }

    func leakLines(_ stdout: String, _ file: String) -> [Substring] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("LEAK") && $0.contains("found in \(file)") }
    }

    /// The report and the database publish nothing that `communications.jsonl` does not: any
    /// audited string verify finds in them (a rule's miss) it finds in the JSON as well.
    @Test func theAnalystFilesAddNoLeakToTheJSON() throws {
        let clean = try verifyCopy("analyst-verify-clean") { _, _ in }
        func audited(_ line: Substring) -> String { String(line.components(separatedBy: ": found in ")[0]) }
        let inJSON = Set(leakLines(clean.stdout, "communications.jsonl").map(audited))
        for line in leakLines(clean.stdout, "report.html") + leakLines(clean.stdout, "foiapipe.sqlite") {
            #expect(inJSON.contains(audited(line)), "only in the analyst files: \(line)")
        }
        #expect(!clean.stdout.contains("PROBLEM binary file in foiapipe.sqlite"))
        #expect(!clean.stdout.contains("PROBLEM unreadable in foiapipe.sqlite"))
        #expect(clean.stdout.contains("public file(s)"))
    }

    @Test func verifyCatchesAnAuditedStringInTheReportText() throws {
        // Written with character references, as an HTML writer might: the text a reader sees.
        let r = try verifyCopy("analyst-verify-html-text") { copy, name in
            let path = copy.path + "/public/report.html"
            let html = try String(contentsOfFile: path, encoding: .utf8)
            let encoded = name.unicodeScalars.map { "&#\($0.value);" }.joined()
            try html.replacingOccurrences(of: "</main>", with: "<p>Sent by <b>\(encoded)</b></p></main>")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(r.status == 1)
        #expect(leakLines(r.stdout, "report.html").contains { $0.contains("field text") }, "\(r.stdout)")
    }

    @Test func verifyCatchesAnAuditedStringInAnAttribute() throws {
        let r = try verifyCopy("analyst-verify-html-attribute") { copy, name in
            let path = copy.path + "/public/report.html"
            let html = try String(contentsOfFile: path, encoding: .utf8)
            let quoted = name.replacingOccurrences(of: " ", with: "&#32;")
            try html.replacingOccurrences(of: "<main>", with: "<main title=\"\(quoted)\">")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(r.status == 1)
        #expect(leakLines(r.stdout, "report.html").contains { $0.contains("attribute title") }, "\(r.stdout)")
    }

    @Test func verifyCatchesAnAuditedStringInADatabaseCell() throws {
        let r = try verifyCopy("analyst-verify-sqlite") { copy, name in
            let db = try SQLiteConnection(path: copy.path + "/public/foiapipe.sqlite")
            try db.prepare("UPDATE recipients SET recipient = ? WHERE rowid = (SELECT MIN(rowid) FROM recipients)")
                .bind(.text(name.uppercased())).run()
        }
        #expect(r.status == 1)
        #expect(
            leakLines(r.stdout, "foiapipe.sqlite").contains { $0.contains("field recipients.recipient") }, "\(r.stdout)"
        )
    }
}
