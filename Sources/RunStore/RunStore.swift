import Foundation

/// Names one input of a run: its path relative to its input root and on disk.
///
/// Both are part of the key because two roots may hold the same relative path, and the
/// merge of shards needs the absolute path to read the source PDF again.
public struct InputKey: Sendable, Hashable, Comparable {
    public var rel: String
    public var path: String

    public init(rel: String, path: String) {
        self.rel = rel
        self.path = path
    }

    /// The order of `InputWalker`: by relative path, then by path.
    public static func < (a: InputKey, b: InputKey) -> Bool { (a.rel, a.path) < (b.rel, b.path) }
}

/// One input as the store knows it: its content hash and the file's size and modification
/// time, so that an unchanged file need not be hashed again.
public struct StoredInput: Sendable, Hashable {
    public var key: InputKey
    public var sha256: String
    public var size: Int64
    public var mtimeNanoseconds: Int64

    public init(key: InputKey, sha256: String, size: Int64, mtimeNanoseconds: Int64) {
        self.key = key
        self.sha256 = sha256
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}

/// The state of a run in `DIR/private/run.sqlite`: every extracted page as soon as it is
/// read, and every document's pass-1 result in one transaction when the document completes.
///
/// A run killed at any moment (kill -9 included) loses at most the pages being read: SQLite's
/// write-ahead log keeps every committed transaction, and all output files are rebuilt from
/// the store at the end of a run, so they never hold a document twice or half of one. Rows
/// are valid for one content hash and one fingerprint of the settings that made them, and
/// `replaceInputs` drops every other row, so a row found is a row to use.
///
/// One process at a time may use a store (an advisory lock beside it says so); within the
/// process every call is serialised, so workers may save pages concurrently.
public final class RunStore: @unchecked Sendable {
    // `lock` guards `db`: SQLite connections must not be used from two threads at once.
    public let path: String
    private let db: SQLiteConnection
    private let lock = NSLock()
    private let lockFile: Int32

    /// Bumped when the tables change; a store of another format is emptied and rebuilt.
    static let format = "1"

    /// Opens or creates the store, and takes the folder's lock.
    public init(path: String) throws(StoreError) {
        self.path = path
        lockFile = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockFile >= 0 else {
            throw StoreError(path: path, "cannot create the run lock; check the folder's permissions")
        }
        _ = fchmod(lockFile, 0o600)
        guard flock(lockFile, LOCK_EX | LOCK_NB) == 0 else {
            close(lockFile)
            throw StoreError(
                path: path, "another foiapipe process is using this output folder; wait for it to finish or stop it")
        }
        // The store holds every page's text: owner-only whatever the umask. SQLite gives its
        // -wal, -shm and -journal files the database file's mode when it creates them, so the
        // file is made (or put right) before SQLite opens it; files an older run left are too.
        let file = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if file >= 0 {
            _ = fchmod(file, 0o600)
            close(file)
        }
        for suffix in ["-wal", "-shm", "-journal"] { _ = chmod(path + suffix, 0o600) }
        do {
            db = try SQLiteConnection(path: path)
            // Exclusive locking before WAL: the write-ahead index then lives in the process's
            // memory, not in a shared-memory file, so the store also works on a network volume
            // (shards on a cluster); one process per store is all the lock above allows anyway.
            try db.execute("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
            try RunStore.createSchema(db)
        } catch {
            close(lockFile)
            throw error
        }
    }

    deinit {
        close(lockFile)
    }

    private static func createSchema(_ db: SQLiteConnection) throws(StoreError) {
        try db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        let stmt = try db.prepare("SELECT value FROM meta WHERE key = 'format'")
        let current = try stmt.step() ? stmt.text(0) : nil
        if current != format {
            // An older layout is a cache of work, not data: start it over.
            try db.execute(
                "DROP TABLE IF EXISTS inputs; DROP TABLE IF EXISTS pages; DROP TABLE IF EXISTS documents; DELETE FROM meta")
        }
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS inputs(rel TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
                size INTEGER NOT NULL, mtime INTEGER NOT NULL, PRIMARY KEY(rel, path));
            CREATE TABLE IF NOT EXISTS pages(rel TEXT NOT NULL, path TEXT NOT NULL, page INTEGER NOT NULL,
                sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL, page_json BLOB NOT NULL, record TEXT NOT NULL,
                PRIMARY KEY(rel, path, page));
            CREATE TABLE IF NOT EXISTS documents(rel TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
                fingerprint TEXT NOT NULL, complete INTEGER NOT NULL, result BLOB NOT NULL, PRIMARY KEY(rel, path));
            INSERT OR REPLACE INTO meta(key, value) VALUES ('format', '\(format)');
            """)
    }

    private func locked<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Run metadata

    /// All metadata (shard, fingerprints, whether the run finished).
    public func meta() throws(StoreError) -> [String: String] {
        try locked { () throws(StoreError) in try RunStore.readMeta(db) }
    }

    public func setMeta(_ values: [String: String]) throws(StoreError) {
        try locked { () throws(StoreError) in
            try db.transaction { () throws(StoreError) in
                let stmt = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
                for (k, v) in values.sorted(by: { $0.key < $1.key }) { try stmt.bind(.text(k), .text(v)).run() }
            }
        }
    }

    static func readMeta(_ db: SQLiteConnection) throws(StoreError) -> [String: String] {
        let stmt = try db.prepare("SELECT key, value FROM meta")
        var out: [String: String] = [:]
        while try stmt.step() { out[stmt.text(0)] = stmt.text(1) }
        return out
    }

    /// The metadata of another folder's store (a shard), read without taking its lock.
    public static func meta(ofStoreAt path: String) throws(StoreError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(path: path, "no run store here; was `foiapipe run --shard K/N --out` run into this folder?")
        }
        let db = try SQLiteConnection(path: path)
        // As in `init`: no shared-memory file on what may be a network volume.
        try db.execute("PRAGMA locking_mode=EXCLUSIVE")
        return try readMeta(db)
    }

    // MARK: - Inputs

    /// The inputs of the last run that got this far.
    public func inputs() throws(StoreError) -> [StoredInput] {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT rel, path, sha256, size, mtime FROM inputs")
            var out: [StoredInput] = []
            while try stmt.step() {
                out.append(
                    StoredInput(
                        key: InputKey(rel: stmt.text(0), path: stmt.text(1)), sha256: stmt.text(2), size: stmt.int(3),
                        mtimeNanoseconds: stmt.int(4)))
            }
            return out.sorted { $0.key < $1.key }
        }
    }

    /// Makes `inputs` the run's input set, and drops every page and document row that is not
    /// of one of them, of its current content, and made with the current settings.
    public func replaceInputs(_ inputs: [StoredInput], pageFingerprint: String, documentFingerprint: String)
        throws(StoreError)
    {
        try locked { () throws(StoreError) in
            try db.transaction { () throws(StoreError) in
                try db.execute("DELETE FROM inputs")
                let insert = try db.prepare("INSERT OR REPLACE INTO inputs(rel, path, sha256, size, mtime) VALUES (?, ?, ?, ?, ?)")
                for i in inputs {
                    try insert.bind(
                        .text(i.key.rel), .text(i.key.path), .text(i.sha256), .int(i.size), .int(i.mtimeNanoseconds)
                    ).run()
                }
                let current = "SELECT 1 FROM inputs i WHERE i.rel = t.rel AND i.path = t.path AND i.sha256 = t.sha256 AND i.sha256 != ''"
                try db.prepare("DELETE FROM pages AS t WHERE t.fingerprint != ? OR NOT EXISTS (\(current))")
                    .bind(.text(pageFingerprint)).run()
                try db.prepare("DELETE FROM documents AS t WHERE t.fingerprint != ? OR NOT EXISTS (\(current))")
                    .bind(.text(documentFingerprint)).run()
            }
        }
    }

    // MARK: - Pages

    /// A page kept from an earlier run (its `PageText` JSON), if there is one.
    public func page(_ key: InputKey, number: Int) throws(StoreError) -> Data? {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT page_json FROM pages WHERE rel = ? AND path = ? AND page = ?")
                .bind(.text(key.rel), .text(key.path), .int(Int64(number)))
            return try stmt.step() ? stmt.blob(0) : nil
        }
    }

    /// Keeps one extracted page (its encoded record, opaque to the store, and its
    /// `pages.jsonl` line), committed at once. The column keeps its first name, `page_json`.
    public func savePage(
        _ key: InputKey, number: Int, sha256: String, fingerprint: String, encoded: Data, record: String
    ) throws(StoreError) {
        try locked { () throws(StoreError) in
            try db.prepare(
                "INSERT OR REPLACE INTO pages(rel, path, page, sha256, fingerprint, page_json, record) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ).bind(
                .text(key.rel), .text(key.path), .int(Int64(number)), .text(sha256), .text(fingerprint), .blob(encoded),
                .text(record)
            ).run()
        }
    }

    /// The document's `pages.jsonl` lines, in page order.
    public func pageRecords(_ key: InputKey) throws(StoreError) -> [String] {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT record FROM pages WHERE rel = ? AND path = ? ORDER BY page")
                .bind(.text(key.rel), .text(key.path))
            var out: [String] = []
            while try stmt.step() { out.append(stmt.text(0)) }
            return out
        }
    }

    /// The document's pages as `PageText` JSON, in page order.
    public func pages(_ key: InputKey) throws(StoreError) -> [Data] {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT page_json FROM pages WHERE rel = ? AND path = ? ORDER BY page")
                .bind(.text(key.rel), .text(key.path))
            var out: [Data] = []
            while try stmt.step() { out.append(stmt.blob(0)) }
            return out
        }
    }

    // MARK: - Documents

    /// Whether the document's pass-1 result is stored and complete (no failed page to retry).
    public func isComplete(_ key: InputKey) throws(StoreError) -> Bool {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT complete FROM documents WHERE rel = ? AND path = ?")
                .bind(.text(key.rel), .text(key.path))
            return try stmt.step() && stmt.int(0) == 1
        }
    }

    /// The document's pass-1 result, as `saveDocument` stored it.
    public func document(_ key: InputKey) throws(StoreError) -> Data? {
        try locked { () throws(StoreError) in
            let stmt = try db.prepare("SELECT result FROM documents WHERE rel = ? AND path = ?")
                .bind(.text(key.rel), .text(key.path))
            return try stmt.step() ? stmt.blob(0) : nil
        }
    }

    /// Stores one document's pass-1 result in one transaction.
    public func saveDocument(_ key: InputKey, sha256: String, fingerprint: String, complete: Bool, result: Data)
        throws(StoreError)
    {
        try locked { () throws(StoreError) in
            try db.prepare(
                "INSERT OR REPLACE INTO documents(rel, path, sha256, fingerprint, complete, result) VALUES (?, ?, ?, ?, ?, ?)"
            ).bind(
                .text(key.rel), .text(key.path), .text(sha256), .text(fingerprint), .int(complete ? 1 : 0), .blob(result)
            ).run()
        }
    }

    // MARK: - Merge

    /// Replaces this store's inputs, pages and documents with those of the shard stores.
    ///
    /// Each shard is copied in its own transaction; a merge that is killed is simply run again.
    public func replaceContents(withStoresAt shards: [String]) throws(StoreError) {
        try locked { () throws(StoreError) in
            try db.execute("DELETE FROM inputs; DELETE FROM pages; DELETE FROM documents")
            for shard in shards {
                // ATTACH cannot run inside a transaction.
                try db.prepare("ATTACH DATABASE ? AS shard").bind(.text(shard)).run()
                do throws(StoreError) {
                    try db.transaction { () throws(StoreError) in
                        try db.execute(
                            """
                            INSERT OR REPLACE INTO main.inputs SELECT rel, path, sha256, size, mtime FROM shard.inputs;
                            INSERT OR REPLACE INTO main.pages
                                SELECT rel, path, page, sha256, fingerprint, page_json, record FROM shard.pages;
                            INSERT OR REPLACE INTO main.documents
                                SELECT rel, path, sha256, fingerprint, complete, result FROM shard.documents;
                            """)
                    }
                } catch {
                    try? db.execute("DETACH DATABASE shard")
                    throw error
                }
                try db.execute("DETACH DATABASE shard")
            }
        }
    }
}
