import Foundation

/// Prints the head of `private/review.tsv` (least certain redactions first) for `run --review`.
enum ReviewPrinter {
    static func print(outputDirectory: String, limit: Int) {
        let path = outputDirectory + "/private/review.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let lines = text.split(separator: "\n")
        var out = "foiapipe: least certain redactions (\(max(0, lines.count - 1)) below full confidence; all in \(path))\n"
        for line in lines.prefix(limit + 1) { out += line + "\n" }
        FileHandle.standardError.write(Data(out.utf8))
    }
}
