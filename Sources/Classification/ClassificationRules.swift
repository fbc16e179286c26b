import Foundation
import Rules

/// The validated rules of the classification stage: `offenses.yaml` and `detainers.yaml`.
///
/// Loaded once before any document is opened; every problem in both files is collected and
/// thrown together, each as `file:line: key: message`, so a run with a misspelled key stops
/// with exit status 2 instead of silently never finding a category.
public struct ClassificationRules: Sendable {
    let offenses: OffenseRules
    let detainers: DetainerRules
    /// Shorthand written out before offense phrases are matched (`abbreviations.yaml`).
    let abbreviations: AbbreviationLexicon

    /// Loads and validates both rule files.
    /// - Parameters:
    ///   - offenses: path of the offense rules (`Pipelines/offenses.yaml`).
    ///   - detainers: path of the detainer rules (`Pipelines/detainers.yaml`).
    ///   - abbreviations: path of the shorthand lexicon (`Pipelines/abbreviations.yaml`), or nil for none.
    public static func load(offenses: String, detainers: String, abbreviations: String? = nil) throws(RuleError)
        -> ClassificationRules
    {
        var problems: [RuleProblem] = []
        let offenseText = read(offenses, &problems)
        let detainerText = read(detainers, &problems)
        let lexiconText = abbreviations.flatMap { read($0, &problems) }
        guard let offenseText, let detainerText, abbreviations == nil || lexiconText != nil else {
            throw RuleError(problems)
        }
        return try parse(
            offenses: offenseText, file: offenses, detainers: detainerText, file: detainers,
            abbreviations: lexiconText, file: abbreviations ?? "abbreviations.yaml")
    }

    /// Validates rule text that is not on disk (tests); `file` names it in messages.
    package static func parse(
        offenses: String, file offensesFile: String, detainers: String, file detainersFile: String,
        abbreviations: String? = nil, file abbreviationsFile: String = "abbreviations.yaml"
    ) throws(RuleError) -> ClassificationRules {
        let (o, offenseProblems) = OffenseRulesReader.read(offenses, file: offensesFile)
        let (d, detainerProblems) = DetainerRulesReader.read(detainers, file: detainersFile)
        var lexicon: AbbreviationLexicon? = .empty
        var lexiconProblems: [RuleProblem] = []
        if let abbreviations {
            (lexicon, lexiconProblems) = AbbreviationLexiconReader.read(abbreviations, file: abbreviationsFile)
        }
        guard let o, let d, let lexicon else { throw RuleError(offenseProblems + detainerProblems + lexiconProblems) }
        return ClassificationRules(offenses: o, detainers: d, abbreviations: lexicon)
    }

    /// The shipped rule files beside a pipeline file (`Pipelines/default.yaml` →
    /// `Pipelines/offenses.yaml`, `Pipelines/detainers.yaml`, `Pipelines/abbreviations.yaml`).
    public static func load(besidePipeline pipeline: String) throws(RuleError) -> ClassificationRules {
        let dir = URL(fileURLWithPath: pipeline).deletingLastPathComponent()
        // Optional: a pipeline folder without a lexicon matches the rules' words as written.
        let lexicon = dir.appendingPathComponent("abbreviations.yaml")
        return try load(
            offenses: dir.appendingPathComponent("offenses.yaml").path,
            detainers: dir.appendingPathComponent("detainers.yaml").path,
            abbreviations: FileManager.default.fileExists(atPath: lexicon.path) ? lexicon.path : nil)
    }

    private static func read(_ path: String, _ problems: inout [RuleProblem]) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append(RuleProblem(file: path, line: nil, key: "", message: "cannot read the rule file"))
            return nil
        }
        return text
    }
}
