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
        let source: CountsSource
        do throws(CountsSource.ReadError) {
            source = try CountsSource.read(runFolder: dir)
        } catch {
            throw CommandFailure.usage("foiapipe: \(error)")
        }
        if !source.isClassified {
            FileHandle.standardError.write(
                Data("foiapipe: '\(source.path)' has no offenses yet (classification did not run); counts are totals only\n".utf8))
        }
        if !by.isEmpty {
            let breakdown = CountsBreakdown(source.grouped, by: by)
            switch format {
            case .csv: print(breakdown.csv, terminator: "")
            case .json: print(breakdown.json, terminator: "")
            case .markdown: print(breakdown.markdown, terminator: "")
            }
            return
        }
        let table = CountsTable(source.entries)
        switch format {
        case .csv: print(table.csv, terminator: "")
        case .json: print(table.json, terminator: "")
        case .markdown: print(table.markdown, terminator: "")
        }
    }
}

extension CountsBreakdown.Dimension: ExpressibleByArgument {}
