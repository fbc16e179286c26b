import CSQLite
import Foundation

/// Why the run store could not be read or written, with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// SQLite's own text for the failure, if any.
    public var cause: String?

    public init(path: String, _ message: String, cause: String? = nil) {
        self.path = path
        self.message = message
        self.cause = cause
    }

    public var description: String {
        "\(path): \(message)" + (cause.map { " (\($0))" } ?? "")
    }
}

/// One SQLite connection; not thread-safe, `RunStore` serialises every use of it.
///
/// A thin layer over the C API rather than a Swift package: the store needs a handful of
/// statements, and the system library keeps the dependency count where it is. The public
/// database (`public/foiapipe.sqlite`) is written and verified through it too, hence `package`.
package final class SQLiteConnection {
    package let path: String
    private var db: OpaquePointer?

    /// Opens (creating) a database, or with `readOnly` an existing one without changing it.
    package init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let flags =
            readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        if sqlite3_open_v2(path, &db, flags, nil) != SQLITE_OK {
            let cause = db.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_close(db)
            db = nil
            throw StoreError(path: path, "cannot open the run store; check the folder's permissions and free space", cause: cause)
        }
        // A shard's store can be merged while another process reads it.
        sqlite3_busy_timeout(db, 30_000)
    }

    deinit { sqlite3_close(db) }

    package func error(_ message: String) -> StoreError {
        StoreError(path: path, message, cause: db.map { String(cString: sqlite3_errmsg($0)) })
    }

    /// Runs statements that return no rows (schema, pragmas, transactions).
    package func execute(_ sql: String) throws(StoreError) {
        if sqlite3_exec(db, sql, nil, nil, nil) != SQLITE_OK {
            throw error("the run store failed (\(sql.prefix(60))); if it is damaged, delete it to start over")
        }
    }

    package func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw error("the run store cannot prepare a statement; it may be from another foiapipe version")
        }
        return SQLiteStatement(stmt, connection: self)
    }

    /// Runs `body` in one transaction: all of it is stored, or (killed, failed) none of it.
    package func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do throws(StoreError) {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement; bind with `bind`, then `step` through the rows.
package final class SQLiteStatement {
    private let stmt: OpaquePointer
    private let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    package enum Value {
        case text(String)
        case int(Int64)
        case blob(Data)
        case null
    }

    @discardableResult
    package func bind(_ values: Value...) -> SQLiteStatement {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, v) in values.enumerated() {
            let k = Int32(i + 1)
            switch v {
            case .text(let s): sqlite3_bind_text(stmt, k, s, -1, csqlite_transient())
            case .int(let n): sqlite3_bind_int64(stmt, k, n)
            case .blob(let d):
                _ = d.withUnsafeBytes { raw in
                    sqlite3_bind_blob(stmt, k, raw.baseAddress, Int32(raw.count), csqlite_transient())
                }
            case .null: sqlite3_bind_null(stmt, k)
            }
        }
        return self
    }

    /// Advances to the next row; false when there are no more.
    package func step() throws(StoreError) -> Bool {
        switch sqlite3_step(stmt) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error("the run store failed to read or write; check free space")
        }
    }

    /// Runs a statement that returns no rows.
    package func run() throws(StoreError) {
        while try step() {}
    }

    package func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, column) else { return "" }
        return String(cString: p)
    }

    package func int(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }

    package func blob(_ column: Int32) -> Data {
        let n = Int(sqlite3_column_bytes(stmt, column))
        guard n > 0, let p = sqlite3_column_blob(stmt, column) else { return Data() }
        return Data(bytes: p, count: n)
    }

    /// Columns of the result rows.
    package var columnCount: Int32 { sqlite3_column_count(stmt) }

    package func columnName(_ column: Int32) -> String {
        sqlite3_column_name(stmt, column).map { String(cString: $0) } ?? ""
    }

    /// The value in a column of the current row, whatever its type (a real as its text).
    package func value(_ column: Int32) -> Value {
        switch sqlite3_column_type(stmt, column) {
        case SQLITE_INTEGER: return .int(int(column))
        case SQLITE_BLOB: return .blob(blob(column))
        case SQLITE_NULL: return .null
        default: return .text(text(column))
        }
    }
}
