import Foundation

/// What `foiapipe counts` reads of a run folder: each communication's offenses, detainer,
/// duplicate mark and sent month, from `public/communications.jsonl` (or the reviewer's
/// private copy when no public one was written; counts hold no text).
public struct CountsSource: Sendable {
    /// The file read.
    public var path: String
    public var entries: [CountsTable.Entry] = []
    public var grouped: [CountsBreakdown.Entry] = []
    /// False when no record carries `offenses` (classification did not run): counts are totals only.
    public var isClassified = false

    /// Why a run folder's counts cannot be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the communications of the run folder `dir`.
    public static func read(runFolder dir: String) throws(ReadError) -> CountsSource {
        let publicFile = dir + "/public/communications.jsonl"
        let privateFile = dir + "/private/communications.jsonl"
        let path: String
        if FileManager.default.fileExists(atPath: publicFile) {
            path = publicFile
        } else if FileManager.default.fileExists(atPath: privateFile) {
            path = privateFile
        } else {
            throw ReadError(description: "no communications.jsonl under '\(dir)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "cannot read '\(path)'; check its permissions")
        }
        var source = CountsSource(path: path)
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) else {
                throw ReadError(description: "'\(path)' line \(number + 1) is not JSON; the file is damaged, run again")
            }
            guard let record = object as? [String: Any] else { continue }
            source.add(record)
        }
        return source
    }

    private mutating func add(_ record: [String: Any]) {
        let offenses = (record["offenses"] as? [[String: Any]]) ?? []
        if record["offenses"] != nil { isClassified = true }
        let detainer = ((record["detainer"] as? [String: Any])?["present"] as? Bool) ?? false
        let pairs = offenses.compactMap { o -> (category: String, level: String)? in
            guard let c = o["category"] as? String, let l = o["level"] as? String else { return nil }
            return (c, l)
        }
        let isDuplicate = (record["duplicate_of"] as? String) != nil
        entries.append(CountsTable.Entry(offenses: pairs, detainer: detainer, isDuplicate: isDuplicate))
        grouped.append(
            CountsBreakdown.Entry(
                id: record["id"] as? String ?? "",
                month: CountsBreakdown.month(ofSent: (record["header"] as? [String: Any])?["sent"] as? String),
                offenses: pairs, detainer: detainer, isDuplicate: isDuplicate))
    }
}
