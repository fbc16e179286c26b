import LeakSearch
import Foundation

/// Searches every string (and number) value of a JSON-lines file, reporting line and field.
///
/// Values are searched one by one, after JSON unescaping, so `"Mar\u00eda"` is read as a
/// reader's tool would read it. A line that is not JSON is searched as plain text and
/// reported, since the contract promises JSON there. A record's `source.path` is the document
/// its values belong to (see `LeakForm.isDocumentScoped`).
enum JSONLinesCheck {
    static func check(data: Data, file: String, matcher: LeakMatcher, jobs: Int) -> FileResult {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let chunk = 256
        let chunks = (lines.count + chunk - 1) / chunk
        let parts = parallelMap(chunks, jobs: jobs) { c -> FileResult in
            var result = FileResult()
            for n in (c * chunk)..<min(lines.count, (c + 1) * chunk) {
                let line = lines[n]
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                let bytes = Data(line)
                guard let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else {
                    result.problems.append(
                        Problem(kind: .invalidJSON, file: file, page: nil, detail: "line \(n + 1) is not JSON"))
                    let text = String(decoding: bytes, as: UTF8.self)
                    result.findings += Finding.from(matcher.search(text).hits, method: .text, line: n + 1)
                    continue
                }
                let document = ((object as? [String: Any])?["source"] as? [String: Any])?["path"] as? String
                walk(object, path: "") { field, text in
                    if JSONLinesCheck.isMachineField(field) { return }
                    let hits = matcher.search(text, document: document).hits
                    result.findings += Finding.from(hits, method: .json, line: n + 1, field: field)
                }
            }
            return result
        }
        var result = FileResult()
        for p in parts {
            result.findings += p.findings
            result.problems += p.problems
        }
        return result
    }

    /// Fields the pipeline computes rather than copies from the page: hex hashes and ids, and
    /// ISO 8601 send times. No printed string can be in them, and read as text they make
    /// false "dates" (`2019-04-14T00:05` reads as 04-14-00) and digit runs (a hash).
    static func isMachineField(_ field: String) -> Bool {
        if ["id", "source.sha256", "duplicate_of", "header.sent"].contains(field) { return true }
        return field.hasPrefix("quoted[") && field.hasSuffix("].sent")
    }

    /// Calls `visit` with the path (`header.to[1]`) and text of every scalar value, keys in order.
    static func walk(_ value: Any, path: String, _ visit: (String, String) -> Void) {
        switch value {
        case let s as String:
            visit(path.isEmpty ? "(value)" : path, s)
        case let d as [String: Any]:
            for key in d.keys.sorted() {
                if let v = d[key] { walk(v, path: path.isEmpty ? key : path + "." + key, visit) }
            }
        case let a as [Any]:
            for (i, v) in a.enumerated() { walk(v, path: path + "[\(i)]", visit) }
        case is NSNull:
            break
        case let n as NSNumber:
            visit(path, n.stringValue)
        default:
            break
        }
    }
}
