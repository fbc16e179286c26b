import Classification
import FoiaCore
import FoiaTestSupport
import Foundation

/// The shipped rule files, loaded once for all tests.
enum ShippedRules {
    static let offensesPath = Fixtures.repositoryRoot.appendingPathComponent("Pipelines/offenses.yaml").path
    static let detainersPath = Fixtures.repositoryRoot.appendingPathComponent("Pipelines/detainers.yaml").path
    static let abbreviationsPath = Fixtures.repositoryRoot.appendingPathComponent("Pipelines/abbreviations.yaml").path

    static let classifier: Classifier? = {
        guard let rules = try? ClassificationRules.load(
                offenses: offensesPath, detainers: detainersPath, abbreviations: abbreviationsPath)
        else {
            return nil
        }
        return Classifier(rules: rules)
    }()
}

/// A communication with the given body, as the segmenter would hand it over.
func message(
    _ body: String, subject: String? = nil, attachments: [String] = [], pages: [Int]? = nil
) -> Communication {
    var header = MessageHeader()
    header.subject = subject
    header.attachments = attachments
    var c = Communication(
        id: "t", kind: .email, path: "test.pdf", sha256: "", pageStart: 1, pageEnd: 1, lineStart: 0, ocr: false,
        header: header, quoted: [], body: body)
    let lineCount = body.split(separator: "\n", omittingEmptySubsequences: false).count
    c.bodyLinePages = pages ?? Array(repeating: 1, count: lineCount)
    c.bodyLineRoles = TestStructure.roles(ofBody: body)
    return c
}

/// Classifies a body with the shipped rules.
func classify(_ body: String, subject: String? = nil, attachments: [String] = []) -> Classification? {
    ShippedRules.classifier?.classify(message(body, subject: subject, attachments: attachments))
}
