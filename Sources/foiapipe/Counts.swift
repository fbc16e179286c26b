import ArgumentParser
import Foundation
import Output

/// `foiapipe counts DIR`: per-offense counts of a run, for a spreadsheet or a story draft.
struct Counts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print per-offense counts of a run (felony / misdemeanor / civil, with or without a detainer).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, markdown
    }

    @Argument(help: "Output folder of `foiapipe run`.")
    var dir: String

    @Option(name: .long, help: "csv, json or markdown.")
    var format: Format = .csv

    func run() throws {
        let publicFile = dir + "/public/communications.jsonl"
        let privateFile = dir + "/private/communications.jsonl"
        let path: String
        if FileManager.default.fileExists(atPath: publicFile) {
            path = publicFile
        } else if FileManager.default.fileExists(atPath: privateFile) {
            // Counts hold no text, so the reviewer's copy serves as well as the public one.
            path = privateFile
        } else {
            throw CommandFailure.usage("foiapipe: no communications.jsonl under '\(dir)'")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [CountsTable.Entry] = []
        var classified = false
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let offenses = (obj["offenses"] as? [[String: Any]]) ?? []
            if obj["offenses"] != nil { classified = true }
            let detainer = ((obj["detainer"] as? [String: Any])?["present"] as? Bool) ?? false
            entries.append(
                CountsTable.Entry(
                    offenses: offenses.compactMap { o in
                        guard let c = o["category"] as? String, let l = o["level"] as? String else { return nil }
                        return (c, l)
                    }, detainer: detainer, isDuplicate: (obj["duplicate_of"] as? String) != nil))
        }
        if !classified {
            FileHandle.standardError.write(
                Data("foiapipe: '\(path)' has no offenses yet (classification did not run); counts are totals only\n".utf8))
        }
        let table = CountsTable(entries)
        switch format {
        case .csv: print(table.csv, terminator: "")
        case .json: print(table.json, terminator: "")
        case .markdown: print(table.markdown, terminator: "")
        }
    }
}
