import FoiaCore
import Classification
import FoiaTestSupport
import Foundation
import Rules
import Testing

/// The shipped Massachusetts rule files load, and the embedded vocabulary is the contract's.
@Suite struct ShippedRulesTests {
    @Test func shippedRulesLoad() throws {
        do {
            _ = try ClassificationRules.load(offenses: ShippedRules.offensesPath, detainers: ShippedRules.detainersPath)
        } catch {
            Issue.record("shipped rules do not load:\n\(error)")
        }
    }

    @Test func rulesLoadBesideTheDefaultPipeline() throws {
        _ = try ClassificationRules.load(besidePipeline: Fixtures.defaultPipeline)
    }

    /// The category list compiled into the stage must be the contract's, row for row.
    @Test(
        .enabled(
            if: ShippedRulesTests.contractTablePresent, "needs ../shared/contract/offenses.tsv beside the checkout"))
    func embeddedVocabularyMatchesContract() throws {
        let rows = try String(contentsOfFile: Self.contractTable, encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let embedded = ContractVocabulary.categories
        #expect(rows.count == embedded.count)
        for (row, category) in zip(rows, embedded) {
            #expect(String(row[0]) == category.name)
            #expect(String(row[1]) == category.level.rawValue, "level of \(category.name)")
            #expect(String(row[2]) == String(category.violent), "violent of \(category.name)")
            #expect(String(row[3]) == category.statute, "statute of \(category.name)")
        }
    }

    static let contractTable = Fixtures.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/contract/offenses.tsv").path
    static var contractTablePresent: Bool { FileManager.default.fileExists(atPath: contractTable) }
}
