import FoiaCore
import Classification
import Foundation
import Rules
import Testing

/// Rule files are validated on load, with every problem named by file, line and key.
///
/// Each test breaks one thing in a copy of the shipped files and checks the message points at
/// the broken line.
@Suite struct RuleValidationTests {
    static let offenses = (try? String(contentsOfFile: ShippedRules.offensesPath, encoding: .utf8)) ?? ""
    static let detainers = (try? String(contentsOfFile: ShippedRules.detainersPath, encoding: .utf8)) ?? ""

    /// Problems from parsing the given texts as `offenses.yaml` and `detainers.yaml`.
    func problems(offenses: String = offenses, detainers: String = detainers) -> [RuleProblem] {
        do {
            _ = try ClassificationRules.parse(
                offenses: offenses, file: "Pipelines/offenses.yaml", detainers: detainers,
                file: "Pipelines/detainers.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// Inserts `line` after the first line equal to `after`, returning the text and the new line's number.
    func insert(_ line: String, after anchor: String, in text: String) throws -> (String, Int) {
        var lines = text.components(separatedBy: "\n")
        let i = try #require(lines.firstIndex(of: anchor), "no line '\(anchor)'")
        lines.insert(line, at: i + 1)
        return (lines.joined(separator: "\n"), i + 2)
    }

    @Test func shippedFilesHaveNoProblems() {
        #expect(problems().isEmpty)
    }

    @Test func badRegexNamesFileLineAndKey() throws {
        let (text, line) = try insert("      - 'larceny (over'", after: "      - '\\blarc\\.'", in: Self.offenses)
        let found = problems(offenses: text)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.file == "Pipelines/offenses.yaml")
        #expect(problem.line == line)
        #expect(problem.key == "categories.larceny.patterns[1]")
        #expect(
            problem.description.hasPrefix(
                "Pipelines/offenses.yaml:\(line): categories.larceny.patterns[1]: invalid regular expression"))
    }

    @Test func unknownCategoryIsAnError() throws {
        let (text, line) = try insert("  larcenyy:\n    phrases: [theft]", after: "categories:", in: Self.offenses)
        let problem = try #require(problems(offenses: text).first)
        #expect(problem.line == line)
        #expect(problem.key == "categories.larcenyy")
        #expect(problem.message.contains("unknown category 'larcenyy'"))
        #expect(problem.message.contains("did you mean 'larceny'"))
    }

    @Test func unknownKeyIsAnError() throws {
        let (text, line) = try insert(
            "    paterns: ['\\bUOMV\\b']", after: "  unlicensed_operation:", in: Self.offenses)
        let problem = try #require(problems(offenses: text).first)
        #expect(problem.line == line)
        #expect(problem.key == "categories.unlicensed_operation.paterns")
        #expect(
            problem.description
                == "Pipelines/offenses.yaml:\(line): categories.unlicensed_operation.paterns: unknown key 'paterns' (did you mean 'patterns'?)"
        )
    }

    @Test func unknownKeyInDetainerRulesIsAnError() throws {
        let (text, line) = try insert("negation_cue: ['\\bno\\b']", after: "version: 1", in: Self.detainers)
        let problem = try #require(problems(detainers: text).first)
        #expect(problem.file == "Pipelines/detainers.yaml")
        #expect(problem.line == line)
        #expect(problem.message.contains("did you mean 'negation_cues'"))
    }

    @Test func badRegexInDetainerRules() throws {
        let (text, line) = try insert("  - '\\bdetainer(s'", after: "terms:", in: Self.detainers)
        let problem = try #require(problems(detainers: text).first)
        #expect(problem.line == line)
        #expect(problem.key == "terms[0]")
    }

    @Test func everyContractCategoryNeedsRules() throws {
        // Drop the whole prostitution entry.
        var lines = Self.offenses.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  prostitution:"))
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("  ") && !$0.hasPrefix("    ") })
        lines.removeSubrange(start..<end)
        let found = problems(offenses: lines.joined(separator: "\n"))
        #expect(found.contains { $0.message == "no rules for category 'prostitution' of offenses.tsv" })
    }

    @Test func categoryWithoutPatternsIsAnError() throws {
        let text = Self.offenses.replacingOccurrences(
            of: "    citations: [MGL c.266 §37E]\n    phrases: [identity fraud, identity theft, ID fraud, ID theft]\n",
            with: "")
        #expect(text != Self.offenses)
        let found = problems(offenses: text)
        #expect(found.contains { $0.key == "categories.identity_fraud" && $0.message.contains("never be found") })
    }

    @Test func levelMustAgreeWithTheContract() throws {
        let text = Self.offenses.replacingOccurrences(
            of: "    statute: MGL c.266 §120\n    level: misdemeanor",
            with: "    statute: MGL c.266 §120\n    level: felony")
        #expect(text != Self.offenses)
        let problem = try #require(problems(offenses: text).first)
        #expect(problem.key == "categories.trespass.level")
        #expect(problem.message.contains("differs from offenses.tsv"))
    }

    @Test func unreadableCitationIsAnError() throws {
        let text = Self.offenses.replacingOccurrences(
            of: "citations: [MGL c.266 §120]", with: "citations: [Penal Code 602]")
        let problem = try #require(problems(offenses: text).first)
        #expect(problem.key == "categories.trespass.citations[0]")
        #expect(problem.message == "no citation format reads 'Penal Code 602'")
    }

    @Test func citationFormatNeedsNamedGroups() throws {
        let (text, line) = try insert(
            "  - law: CA\n    pattern: 'penal code § ?(\\d+)'", after: "citation_formats:", in: Self.offenses)
        let problem = try #require(problems(offenses: text).first)
        #expect(problem.line == line + 1)
        #expect(problem.message.contains("(?<chapter>...) and (?<section>...)"))
    }

    @Test func newerVersionIsRefused() throws {
        let text = Self.detainers.replacingOccurrences(of: "version: 1", with: "version: 2")
        let problem = try #require(problems(detainers: text).first)
        #expect(problem.key == "version")
        #expect(problem.message.contains("newer"))
    }

    @Test func problemsOfBothFilesAreCollectedTogether() throws {
        let (o, _) = try insert("    colour: red", after: "  trespass:", in: Self.offenses)
        let (d, _) = try insert("    colour: red", after: "  - form: I-205", in: Self.detainers)
        let found = problems(offenses: o, detainers: d)
        #expect(Set(found.map(\.file)) == ["Pipelines/offenses.yaml", "Pipelines/detainers.yaml"])
    }

    @Test func missingFileIsReported() {
        #expect(throws: RuleError.self) {
            try ClassificationRules.load(offenses: "/nonexistent/offenses.yaml", detainers: ShippedRules.detainersPath)
        }
    }

    /// Another state's statutes are data: a citation format and citations, no Swift.
    @Test func anotherStatesStatutesCanBeAdded() throws {
        var text = Self.offenses
        let (t1, _) = try insert(
            "  - law: CAPC\n    pattern: '\\b(?:cal\\.? )?(?<chapter>penal) code,? § ?(?<section>\\d{3,4}[a-z]?)\\b'",
            after: "citation_formats:", in: text)
        text = t1.replacingOccurrences(
            of: "citations: [MGL c.266 §120]", with: "citations: [MGL c.266 §120, Penal Code § 602]")
        let rules = try ClassificationRules.parse(
            offenses: text, file: "offenses.yaml", detainers: Self.detainers, file: "detainers.yaml")
        let result = Classifier(rules: rules).classify(message("He was cited under Penal Code § 602 at the depot."))
        #expect(result.offenses.map(\.category) == ["trespass"])
    }
}
