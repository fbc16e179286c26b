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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Group by month, category, level or detainer instead (repeat to combine: --by month --by detainer).",
            valueName: "month|category|level|detainer"))
    var by: [CountsBreakdown.Dimension] = []

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
        var grouped: [CountsBreakdown.Entry] = []
        var classified = false
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            let offenses = (obj["offenses"] as? [[String: Any]]) ?? []
            if obj["offenses"] != nil { classified = true }
            let detainer = ((obj["detainer"] as? [String: Any])?["present"] as? Bool) ?? false
            let pairs = offenses.compactMap { o -> (category: String, level: String)? in
                guard let c = o["category"] as? String, let l = o["level"] as? String else { return nil }
                return (c, l)
            }
            let isDuplicate = (obj["duplicate_of"] as? String) != nil
            entries.append(CountsTable.Entry(offenses: pairs, detainer: detainer, isDuplicate: isDuplicate))
            grouped.append(
                CountsBreakdown.Entry(
                    id: obj["id"] as? String ?? "",
                    month: CountsBreakdown.month(ofSent: (obj["header"] as? [String: Any])?["sent"] as? String),
                    offenses: pairs, detainer: detainer, isDuplicate: isDuplicate))
        }
        if !classified {
            FileHandle.standardError.write(
                Data("foiapipe: '\(path)' has no offenses yet (classification did not run); counts are totals only\n".utf8))
        }
        if !by.isEmpty {
            let breakdown = CountsBreakdown(grouped, by: by)
            switch format {
            case .csv: print(breakdown.csv, terminator: "")
            case .json: print(breakdown.json, terminator: "")
            case .markdown: print(breakdown.markdown, terminator: "")
            }
            return
        }
        let table = CountsTable(entries)
        switch format {
        case .csv: print(table.csv, terminator: "")
        case .json: print(table.json, terminator: "")
        case .markdown: print(table.markdown, terminator: "")
        }
    }
}

extension CountsBreakdown.Dimension: ExpressibleByArgument {}
