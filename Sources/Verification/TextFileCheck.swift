import LeakSearch
import Foundation

/// Searches any other public file (`counts.csv`, a README, files of unknown type) as text.
///
/// Each line is searched so a leak can be pointed to; the whole text is searched too, for a
/// name broken across two lines. A file with NUL bytes is binary: only its printable runs
/// are searched (as `strings` would show them), and it is reported, since what an unknown
/// binary format hides cannot be proved absent.
enum TextFileCheck {
    static func check(data: Data, file: String, matcher: LeakMatcher) -> FileResult {
        var result = FileResult()
        if data.prefix(65_536).contains(0) {
            result.problems.append(
                Problem(
                    kind: .binaryFile, file: file, page: nil,
                    detail: "a binary file of unknown type; only its printable text was searched, check it by hand or remove it"))
            result.findings = Finding.from(matcher.search(printableRuns(data)).hits, method: .bytes)
            return result
        }
        let text = String(decoding: data, as: UTF8.self)
        var found = Set<Int>()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let hits = matcher.search(String(line)).hits
            found.formUnion(hits.map(\.target))
            result.findings += Finding.from(hits, method: .text, line: n + 1)
        }
        let across = matcher.search(text).hits.filter { !found.contains($0.target) }
        result.findings += Finding.from(across, method: .text)
        return result
    }

    /// Runs of four or more printable ASCII characters, one per line.
    static func printableRuns(_ data: Data) -> String {
        var out: [UInt8] = []
        var run: [UInt8] = []
        for b in data {
            if b >= 32 && b < 127 {
                run.append(b)
            } else {
                if run.count >= 4 { out += run + [10] }
                run.removeAll(keepingCapacity: true)
            }
        }
        if run.count >= 4 { out += run }
        return String(decoding: out, as: UTF8.self)
    }
}
