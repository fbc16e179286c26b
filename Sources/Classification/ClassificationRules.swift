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

    /// Loads and validates both rule files.
    /// - Parameters:
    ///   - offenses: path of the offense rules (`Pipelines/offenses.yaml`).
    ///   - detainers: path of the detainer rules (`Pipelines/detainers.yaml`).
    public static func load(offenses: String, detainers: String) throws(RuleError) -> ClassificationRules {
        var problems: [RuleProblem] = []
        let offenseText = read(offenses, &problems)
        let detainerText = read(detainers, &problems)
        guard let offenseText, let detainerText else { throw RuleError(problems) }
        return try parse(offenses: offenseText, file: offenses, detainers: detainerText, file: detainers)
    }

    /// Validates rule text that is not on disk (tests); `file` names it in messages.
    package static func parse(
        offenses: String, file offensesFile: String, detainers: String, file detainersFile: String
    ) throws(RuleError) -> ClassificationRules {
        let (o, offenseProblems) = OffenseRulesReader.read(offenses, file: offensesFile)
        let (d, detainerProblems) = DetainerRulesReader.read(detainers, file: detainersFile)
        guard let o, let d else { throw RuleError(offenseProblems + detainerProblems) }
        return ClassificationRules(offenses: o, detainers: d)
    }

    /// The shipped rule files beside a pipeline file (`Pipelines/default.yaml` →
    /// `Pipelines/offenses.yaml`, `Pipelines/detainers.yaml`).
    public static func load(besidePipeline pipeline: String) throws(RuleError) -> ClassificationRules {
        let dir = URL(fileURLWithPath: pipeline).deletingLastPathComponent()
        return try load(
            offenses: dir.appendingPathComponent("offenses.yaml").path,
            detainers: dir.appendingPathComponent("detainers.yaml").path)
    }

    private static func read(_ path: String, _ problems: inout [RuleProblem]) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append(RuleProblem(file: path, line: nil, key: "", message: "cannot read the rule file"))
            return nil
        }
        return text
    }
}
