import ArgumentParser
import Evaluation
import Foundation

/// `foiapipe eval --truth DIR OUT`: scores a run's output folder against truth files.
///
/// Parsing and printing only; the scoring is in the `Evaluation` module.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score an output folder against truth files.",
        discussion: """
            Prints a table and writes OUT/eval.json: segmentation, header fields, detainer, \
            offenses, counts, PII leaks and over-redaction. A metric whose output or truth \
            is absent says "not built" or "no truth" instead of scoring.
            """)

    @Option(name: .long, help: "Folder of *.truth.json files, searched recursively (a dump folder or a labels folder).")
    var truth: String?

    @Argument(help: "Output folder of a run (the --out of foiapipe run).")
    var out: String?

    func run() throws {
        guard let truth, let out else {
            throw CommandFailure.usage(
                "foiapipe eval: usage: foiapipe eval --truth DIR OUT (missing \(truth == nil ? "--truth DIR" : "OUT"))")
        }
        do {
            let report = try Evaluator.evaluate(truthFolder: truth, outputFolder: out)
            let path = try Evaluator.write(report, to: out)
            print(report.table(), terminator: "")
            print("\nwrote \(path)")
        } catch let error as EvaluationError {
            throw CommandFailure.usage("foiapipe eval: \(error)")
        }
    }
}
