import Foundation
import Redaction

/// `private/decisions.jsonl`: every decision appended as one JSON line, mode 0600.
///
/// A line says what (`decision`), where (`path`, `page`, `text`, `boxes`, or `identity` and
/// `into` for persons), the scope (`document`, `page` or `dump`), when (`at`, UTC), who
/// (`reviewer`) and its `id`. The redact pass reads the file (`ReviewDecisions`); the file is
/// only ever appended to, so it is also the review's log: taking a decision back is a line
/// of its own (`undo`, naming the `id` it cancels).
final class DecisionLog: @unchecked Sendable {
    let path: String
    private let lock = NSLock()

    init(path: String) {
        self.path = path
    }

    /// The decisions a request may make, and the fields each needs.
    static let kinds: [String: (scope: String, needs: [String])] = [
        "keep": ("document", ["path", "text"]),
        "remove": ("document", ["path", "text"]),
        "add": ("dump", ["path", "text", "type"]),
        "official": ("dump", ["identity"]),
        "private": ("dump", ["identity"]),
        "join": ("dump", ["identity", "into"]),
        "split": ("dump", ["identity"]),
        "box": ("page", ["path"]),
        "withhold": ("page", ["path"]),
        "undo": ("decision", ["of"]),
    ]

    /// Checks a posted decision against the known documents and types, and makes its line.
    /// - Parameter undoable: ids of the lines written so far that an `undo` may name (not an
    ///   undo itself).
    static func line(
        from o: [String: Any], reviewer: String, documents: Set<String>, undoable: Set<String> = [], now: Date = Date()
    ) throws -> String {
        guard let decision = o["decision"] as? String, let kind = kinds[decision] else {
            throw ReviewError("unknown decision")
        }
        var out: [String: Any] = ["decision": decision, "scope": kind.scope, "reviewer": reviewer]
        for field in kind.needs {
            guard let value = o[field] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ReviewError("a '\(decision)' decision needs '\(field)'")
            }
            out[field] = value
        }
        if let path = out["path"] as? String, !documents.contains(path) { throw ReviewError("unknown document") }
        if let type = out["type"] as? String, PIIType(rawValue: type) == nil { throw ReviewError("unknown type") }
        if let page = o["page"] as? Int { out["page"] = page }
        if let boxes = o["boxes"] as? [[Double]] { out["boxes"] = boxes.filter { $0.count == 4 } }
        if decision == "undo", !undoable.contains(out["of"] as? String ?? "") {
            throw ReviewError("no decision with that id to undo")
        }
        if decision == "withhold" {
            guard let page = out["page"] as? Int, page >= 1 else { throw ReviewError("a 'withhold' decision needs 'page'") }
        }
        if decision == "box" {
            guard out["page"] != nil, let boxes = out["boxes"] as? [[Double]],
                !boxes.isEmpty, boxes.allSatisfy({ $0[2] > $0[0] && $0[3] > $0[1] })
            else { throw ReviewError("a 'box' decision needs 'page' and 'boxes' ([x0, y0, x1, y1] in points)") }
        }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        out["at"] = format.string(from: now)
        out["id"] = DecisionLog.newID()
        let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A random id for a line (`d` and 16 hex digits), what an `undo` names.
    static func newID() -> String {
        var g = SystemRandomNumberGenerator()
        return "d" + String(format: "%016llx", g.next() as UInt64)
    }

    /// Ids of the lines written so far that an undo may name.
    func undoableIDs() -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                o["decision"] as? String != "undo", let id = o["id"] as? String
            else { continue }
            ids.insert(id)
        }
        return ids
    }

    /// Appends one line (the file is created 0600, and kept so whatever the umask).
    func append(_ line: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ReviewError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw ReviewError("cannot write \(path)") }
        fsync(fd)
    }

    /// The decisions so far, folded.
    func decisions() -> ReviewDecisions {
        lock.lock()
        defer { lock.unlock() }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ReviewDecisions() }
        return ReviewDecisions(jsonLines: text)
    }
}
