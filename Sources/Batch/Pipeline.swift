import Classification
import FoiaCore
import Foundation
import Redaction
import Rules

/// The pipeline file and the rule files beside it, loaded and checked together.
///
/// Every file is read even when an earlier one has problems, so a run that stops on a
/// misspelled key lists every problem in every rule file at once (`file:line: key: message`),
/// not one file per attempt.
public struct Pipeline: Sendable {
    public var config: PipelineConfig
    public var classification: ClassificationRules
    public var piiRules: PIIRules

    public init(config: PipelineConfig, classification: ClassificationRules, piiRules: PIIRules) {
        self.config = config
        self.classification = classification
        self.piiRules = piiRules
    }

    /// Loads `path` (`Pipelines/default.yaml`), `offenses.yaml` and `detainers.yaml` beside
    /// it, and every PII rule file in `pii/` beside it.
    /// - Throws: `RuleError` with the problems of all of them.
    public static func load(path: String) throws(RuleError) -> Pipeline {
        var problems: [RuleProblem] = []
        var config: PipelineConfig?
        var classification: ClassificationRules?
        var piiRules: PIIRules?
        do {
            config = try PipelineConfig.load(path: path)
        } catch {
            problems += error.problems
        }
        do {
            classification = try ClassificationRules.load(besidePipeline: path)
        } catch {
            problems += error.problems
        }
        do {
            piiRules = try PIIRules.load(
                directory: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("pii").path)
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty, let config, let classification, let piiRules else { throw RuleError(problems) }
        return Pipeline(config: config, classification: classification, piiRules: piiRules)
    }
}

extension BatchRunner {
    /// A runner for a loaded pipeline.
    public init(
        _ pipeline: Pipeline, jobs: Int,
        publisher: (@Sendable (String, [RedactedPage], String) throws(DocumentError) -> Void)? = nil
    ) {
        self.init(
            pipeline: pipeline.config, classification: pipeline.classification, piiRules: pipeline.piiRules, jobs: jobs,
            publisher: publisher)
    }
}
