import FoiaCore
import Foundation
import Output
import Redaction
import RunStore

/// `public/foiapipe.sqlite`: the published records as SQLite, for Datasette, pandas or a
/// spreadsheet, written through the run store's SQLite wrapper (the system library).
///
/// Like the JSON writer it accepts a `RedactedCommunication` and nothing else, so no
/// unredacted text can reach it. It is built under a temporary name (no journal, no syncing
/// until the end) and renamed into place on `commit`; `secure_delete` zeroes what SQLite
/// frees, so no earlier value of a cell lingers in the file. Tables:
///
/// - `communications`: one row per record, header and classification flattened; lists
///   (attachments, detainer forms, exemption codes, redaction counts) as JSON text;
/// - `recipients`, `offenses`, `quoted`: one row per list item, keyed to `communications.id`;
///   `offenses` repeats `detainer`, `month` and `is_duplicate` for faceting;
/// - `counts`: the rows of `counts.csv`, the `ALL,ALL` total included;
/// - `communications_fts`: FTS5 over the redacted `subject` and `body`.
public final class PublicDatabase {
    public static let schema = """
        CREATE TABLE communications (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          page_start INTEGER NOT NULL,
          page_end INTEGER NOT NULL,
          bates_start TEXT,
          bates_end TEXT,
          ocr INTEGER NOT NULL,
          sender TEXT,
          sent TEXT,
          month TEXT,
          subject TEXT,
          attachments TEXT NOT NULL,
          body TEXT NOT NULL,
          detainer INTEGER NOT NULL,
          detainer_forms TEXT NOT NULL,
          severity TEXT NOT NULL,
          offense_count INTEGER NOT NULL,
          redaction_count INTEGER NOT NULL,
          redactions TEXT NOT NULL,
          existing_redaction_boxes INTEGER NOT NULL,
          exemption_codes TEXT NOT NULL,
          duplicate_of TEXT REFERENCES communications(id),
          is_duplicate INTEGER NOT NULL
        );
        CREATE TABLE recipients (
          communication_id TEXT NOT NULL REFERENCES communications(id),
          field TEXT NOT NULL CHECK (field IN ('to', 'cc', 'bcc')),
          position INTEGER NOT NULL,
          recipient TEXT NOT NULL,
          PRIMARY KEY (communication_id, field, position)
        );
        CREATE TABLE offenses (
          communication_id TEXT NOT NULL REFERENCES communications(id),
          position INTEGER NOT NULL,
          category TEXT NOT NULL,
          level TEXT NOT NULL,
          statute TEXT NOT NULL,
          violent INTEGER NOT NULL,
          status TEXT NOT NULL,
          page INTEGER,
          evidence TEXT NOT NULL,
          detainer INTEGER NOT NULL,
          month TEXT,
          is_duplicate INTEGER NOT NULL,
          PRIMARY KEY (communication_id, position)
        );
        CREATE TABLE quoted (
          communication_id TEXT NOT NULL REFERENCES communications(id),
          position INTEGER NOT NULL,
          sender TEXT,
          sent TEXT,
          subject TEXT,
          PRIMARY KEY (communication_id, position)
        );
        CREATE TABLE counts (
          category TEXT NOT NULL,
          level TEXT NOT NULL,
          communications INTEGER NOT NULL,
          with_detainer INTEGER NOT NULL,
          PRIMARY KEY (category, level)
        );
        CREATE INDEX communications_month ON communications(month);
        CREATE INDEX communications_severity ON communications(severity);
        CREATE INDEX communications_detainer ON communications(detainer);
        CREATE INDEX communications_path ON communications(path, page_start);
        CREATE INDEX communications_duplicate_of ON communications(duplicate_of);
        CREATE INDEX recipients_recipient ON recipients(recipient);
        CREATE INDEX offenses_category_level ON offenses(category, level);
        CREATE INDEX offenses_level ON offenses(level);
        CREATE INDEX offenses_month ON offenses(month);
        CREATE VIRTUAL TABLE communications_fts USING fts5(
          subject, body, content="communications", content_rowid="rowid", tokenize="unicode61 remove_diacritics 2"
        );
        """

    public let path: String
    private let temporaryPath: String
    private var open: Open?
    private var entries: [CountsTable.Entry] = []

    public init(path: String) throws(StoreError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: dir, "cannot create the folder", cause: "\(error)")
        }
        temporaryPath = dir + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        unlink(temporaryPath)
        let db = try SQLiteConnection(path: temporaryPath)
        // A fresh file renamed into place when complete: a journal or fsyncs would buy nothing.
        try db.execute(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA page_size=4096;"
        )
        try db.execute(Self.schema)
        try db.execute("BEGIN")
        open = Open(
            db: db,
            communication: try db.prepare(
                "INSERT INTO communications VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            recipient: try db.prepare("INSERT INTO recipients VALUES (?,?,?,?)"),
            offense: try db.prepare("INSERT INTO offenses VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
            quoted: try db.prepare("INSERT INTO quoted VALUES (?,?,?,?,?)"))
    }

    /// The connection and its statements, dropped together (which closes the file).
    private struct Open {
        var db: SQLiteConnection
        var communication: SQLiteStatement
        var recipient: SQLiteStatement
        var offense: SQLiteStatement
        var quoted: SQLiteStatement
    }

    deinit { discard() }

    public func write(_ r: RedactedCommunication) throws(StoreError) {
        guard let open else { throw StoreError(path: path, "the database was already committed or discarded") }
        let k =
            r.classification
            ?? Classification(detainer: DetainerFinding(present: false, forms: []), offenses: [], severity: "none")
        let month = CountsBreakdown.month(ofSent: r.header.sent)
        let duplicate: Int64 = r.duplicateOf == nil ? 0 : 1
        let detainer: Int64 = k.detainer.present ? 1 : 0
        try open.communication.bind(
            .text(r.id), .text(r.kind.rawValue), .text(r.path), .text(r.sha256), .int(Int64(r.pageStart)),
            .int(Int64(r.pageEnd)), Self.opt(r.batesStart), Self.opt(r.batesEnd), .int(r.ocr ? 1 : 0),
            Self.opt(r.header.from), Self.opt(r.header.sent), Self.opt(month), Self.opt(r.header.subject),
            .text(Self.jsonArray(r.header.attachments)), .text(r.body), .int(detainer),
            .text(Self.jsonArray(k.detainer.forms)), .text(k.severity), .int(Int64(k.offenses.count)),
            .int(Int64(r.redactions.values.reduce(0, +))), .text(Self.jsonObject(r.redactions)),
            .int(Int64(r.existingRedactions.boxes)), .text(Self.jsonArray(r.existingRedactions.codes)),
            Self.opt(r.duplicateOf), .int(duplicate)
        ).run()
        for (field, list) in [("to", r.header.to), ("cc", r.header.cc), ("bcc", r.header.bcc)] {
            for (i, address) in list.enumerated() {
                try open.recipient.bind(.text(r.id), .text(field), .int(Int64(i)), .text(address)).run()
            }
        }
        for (i, o) in k.offenses.enumerated() {
            try open.offense.bind(
                .text(r.id), .int(Int64(i)), .text(o.category), .text(o.level), .text(o.statute),
                .int(o.violent ? 1 : 0),
                .text(o.status), o.page.map { .int(Int64($0)) } ?? .null, .text(o.evidence), .int(detainer),
                Self.opt(month), .int(duplicate)
            ).run()
        }
        for (i, q) in r.quoted.enumerated() {
            try open.quoted.bind(.text(r.id), .int(Int64(i)), Self.opt(q.from), Self.opt(q.sent), Self.opt(q.subject))
                .run()
        }
        entries.append(
            CountsTable.Entry(
                offenses: k.offenses.map { ($0.category, $0.level) }, detainer: k.detainer.present,
                isDuplicate: r.duplicateOf != nil))
    }

    /// Adds the counts and the search index, closes the file and renames it into place.
    public func commit() throws(StoreError) {
        do {
            guard let current = open else {
                throw StoreError(path: path, "the database was already committed or discarded")
            }
            try finish(current.db)
        }
        open = nil  // finalises the statements and closes the connection
        // On disk before it takes the published name, as `AtomicFile` does.
        if let file = FileHandle(forUpdatingAtPath: temporaryPath) {
            try? file.synchronize()
            try? file.close()
        }
        if rename(temporaryPath, path) != 0 {
            throw StoreError(path: path, "cannot move the database into place", cause: String(cString: strerror(errno)))
        }
    }

    private func finish(_ db: SQLiteConnection) throws(StoreError) {
        let table = CountsTable(entries)
        let insert = try db.prepare("INSERT INTO counts VALUES (?,?,?,?)")
        for r in table.rows {
            try insert.bind(
                .text(r.category), .text(r.level), .int(Int64(r.communications)), .int(Int64(r.withDetainer))
            ).run()
        }
        try insert.bind(.text("ALL"), .text("ALL"), .int(Int64(table.total)), .int(Int64(table.totalWithDetainer)))
            .run()
        try db.execute("INSERT INTO communications_fts(communications_fts) VALUES('rebuild')")
        try db.execute("COMMIT")
        try db.execute("PRAGMA optimize")
    }

    /// Drops the temporary file; the database at `path`, if any, is untouched.
    public func discard() {
        guard open != nil else { return }
        open = nil
        unlink(temporaryPath)
    }

    private static func opt(_ s: String?) -> SQLiteStatement.Value { s.map { .text($0) } ?? .null }

    private static func jsonArray(_ items: [String]) -> String {
        var j = JSONText()
        j.beginArray()
        for s in items { j.string(s) }
        j.endArray()
        return j.text
    }

    private static func jsonObject(_ counts: [String: Int]) -> String {
        var j = JSONText()
        j.beginObject()
        for (k, v) in counts.sorted(by: { $0.key < $1.key }) { j.field(k, v) }
        j.endObject()
        return j.text
    }
}
