import LeakSearch
import Foundation
import RunStore

/// Searches a SQLite database (`foiapipe.sqlite`) cell by cell: every text value of every
/// row of every table (`sqlite_master` and the full-text index's own tables included), the
/// printable runs of every blob, and numbers as their digits. Then the file's printable bytes
/// are searched for what the cells did not hold (a freed page, a journal left in the file).
///
/// Cells of the machine columns (`JSONLinesCheck.isMachineField`'s: ids, digests, send
/// times) are skipped for the same reason: a hex digest or an ISO time read as text makes
/// false digit runs and dates.
enum SQLiteCheck {
    static let magic = Data("SQLite format 3\u{0}".utf8)

    /// The document of text that belongs to none: a one-word name, which only its own
    /// documents' text can leak, is not looked for in it.
    static let noDocument = ""

    static let machineColumns: Set<String> = ["id", "communication_id", "duplicate_of", "sha256", "sent"]

    static func check(path: String, file: String, matcher: LeakMatcher) -> FileResult {
        var result = FileResult()
        let db: SQLiteConnection
        do {
            db = try SQLiteConnection(path: path, readOnly: true)
            var tables = ["sqlite_master"]
            let list = try db.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
            while try list.step() { tables.append(list.text(0)) }
            // The document each communication is in, so a row is searched as its document's
            // text (a one-word name counts only in the documents it was redacted in).
            var documentOf: [String: String] = [:]
            if tables.contains("communications") {
                let ids = try db.prepare("SELECT id, path FROM communications")
                while try ids.step() { documentOf[ids.text(0)] = ids.text(1) }
            }
            var found = Set<Int>()
            for table in tables {
                let rows = try db.prepare("SELECT * FROM \"\(table.replacingOccurrences(of: "\"", with: "\"\""))\"")
                let names = (0..<rows.columnCount).map { rows.columnName($0) }
                let pathColumn = table == "communications" ? names.firstIndex(of: "path") : nil
                let idColumn = names.firstIndex(of: "communication_id")
                var row = 0
                while try rows.step() {
                    row += 1
                    // A row of no document (the full-text index's own tables, which hold the
                    // bodies' words once more) is searched for everything but one-word names.
                    var document = SQLiteCheck.noDocument
                    if let pathColumn, case .text(let path) = rows.value(Int32(pathColumn)) {
                        document = path
                    } else if let idColumn, case .text(let id) = rows.value(Int32(idColumn)) {
                        document = documentOf[id] ?? SQLiteCheck.noDocument
                    }
                    for c in 0..<rows.columnCount where !machineColumns.contains(names[Int(c)]) {
                        let text: String
                        var method = Leak.Method.text
                        switch rows.value(c) {
                        case .text(let s): text = s
                        case .int(let n): text = String(n)
                        case .blob(let d):
                            text = TextFileCheck.printableRuns(d)
                            method = .bytes
                        case .null: continue
                        }
                        let hits = matcher.search(text, document: document).hits
                        found.formUnion(hits.map(\.target))
                        result.findings += Finding.from(
                            hits, method: method, line: row, field: "\(table).\(names[Int(c)])")
                    }
                }
            }
            if let data = FileManager.default.contents(atPath: path) {
                let rest = matcher.search(TextFileCheck.printableRuns(data), document: SQLiteCheck.noDocument).hits.filter { !found.contains($0.target) }
                result.findings += Finding.from(rest, method: .bytes)
            }
        } catch {
            result.problems.append(
                Problem(kind: .unreadable, file: file, page: nil, detail: "cannot read the SQLite database: \(error)"))
        }
        return result
    }
}
