import FoiaTestSupport
import Foundation
import Redaction
import Rules
import Testing

/// Rule files are validated on load: every problem names file, line and key.
@Suite struct RuleFileTests {
    /// A copy of the repository's rule folder with one file replaced or added.
    func folder(with files: [String: String]) throws -> String {
        let dir = temporaryFolder("pii-rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: TestRules.folder) {
            try FileManager.default.copyItem(
                atPath: TestRules.folder + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        for (name, text) in files {
            let path = dir.appendingPathComponent(name).path
            try? FileManager.default.removeItem(atPath: path)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    func problems(_ files: [String: String]) throws -> [RuleProblem] {
        let dir = try folder(with: files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = #expect(throws: RuleError.self) { try PIIRules.load(directory: dir) }
        return error?.problems ?? []
    }

    @Test func repositoryRulesLoad() throws {
        let rules = try PIIRules.load(directory: TestRules.folder)
        #expect(rules.files.count >= 7)
        let types = Set(rules.listing.map(\.type))
        #expect(types == Set(PIIType.allCases.map(\.rawValue)))
    }

    @Test func unknownKeyNamesFileLineKeyAndSuggestion() throws {
        let text = """
            version: 1
            rules:
              - id: plate_test
                type: license_plate
                description: a test
                lable: 'Plate'
                value: '[A-Z0-9]{6}'
            """
        let found = try problems(["vehicles.yaml": text])
        let p = try #require(found.first { $0.key == "rules[0].lable" })
        #expect(p.line == 6)
        #expect(p.file.hasSuffix("vehicles.yaml"))
        #expect(p.description.contains("vehicles.yaml:6: rules[0].lable: unknown key 'lable' (did you mean 'label'?)"))
    }

    @Test func badRegexUnknownTypeAndUnknownSubPattern() throws {
        let text = """
            version: 1
            rules:
              - id: plate_test
                type: licence_plate
                description: a test
                value: '[A-Z0-9'
              - id: plate_other
                type: license_plate
                description: a test
                value: '([A-Z0-9'
              - id: plate_third
                type: license_plate
                description: a test
                value: '{{plate_shape}}'
            """
        let found = try problems(["vehicles.yaml": text])
        #expect(found.contains { $0.key == "rules[0].type" && $0.line == 4 && $0.message.contains("unknown PII type 'licence_plate'") })
        #expect(found.contains { $0.key == "rules[1].value" && $0.line == 10 && $0.message.contains("invalid regular expression") })
        #expect(found.contains { $0.key == "rules[2].value" && $0.message.contains("unknown sub-pattern '{{plate_shape}}'") })
    }

    @Test func everyTypeNeedsAnEnabledRule() throws {
        let text = """
            version: 1
            rules:
              - id: plate_test
                type: license_plate
                description: switched off
                value: '[A-Z0-9]{6}'
                enabled: false
            """
        let found = try problems(["vehicles.yaml": text])
        #expect(found.contains { $0.key == "rules" && $0.message.contains("no enabled rule finds license_plate") })
    }

    @Test func duplicateIdsAndNewerVersions() throws {
        let text = """
            version: 2
            rules:
              - id: ssn_labelled
                type: license_plate
                description: a copy of another file's id
                value: '[A-Z0-9]{6}'
            """
        let found = try problems(["vehicles.yaml": text])
        #expect(found.contains { $0.key == "version" && $0.message.contains("newer than this foiapipe supports") })
        #expect(found.contains { $0.key == "rules[0].id" && $0.message.contains("duplicate rule id 'ssn_labelled'") })
    }

    @Test func nameRuleKeysDependOnTheKind() throws {
        let text = """
            version: 1
            rules:
              - id: plate_test
                type: license_plate
                description: a test
                value: '[A-Z0-9]{6}'
              - id: honorific_test
                kind: honorific_name
                description: a test
                label: 'Mr\\.'
                near: [date_of_birth]
            """
        let found = try problems(["vehicles.yaml": text])
        #expect(found.contains { $0.key == "rules[1].near" && $0.line == 11 && $0.message.contains("unknown key 'near'") })
    }

    @Test func officialsFileIsCheckedToo() throws {
        let text = """
            version: 1
            domains: [pd.boston.gov]
            titles: [Detective]
            work_titles: [Clerk]
            agencies: [Boston Police Department]
            phones: ['617-343-45']
            names: [Kelly]
            domain_suffix: [.gov]
            """
        let found = try problems(["officials.yaml": text])
        #expect(found.contains { $0.key == "phones[0]" && $0.line == 6 })
        #expect(found.contains { $0.key == "names[0]" && $0.line == 7 && $0.message.contains("full name") })
        #expect(found.contains { $0.key == "domain_suffix" && $0.line == 8 && $0.message.contains("did you mean 'domain_suffixes'") })
    }

    @Test func yamlSyntaxErrorsHaveALine() throws {
        let found = try problems(["vehicles.yaml": "version: 1\nrules:\n  - id: x\n    description: a: b: c\n"])
        #expect(found.contains { $0.file.hasSuffix("vehicles.yaml") && $0.line != nil && $0.message.contains("YAML") })
    }

    /// The module's PII types are the contract's (`shared/contract/pii-types.tsv`).
    @Test func typesMatchTheContract() throws {
        let tsv = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/contract/pii-types.tsv")
        guard let text = try? String(contentsOf: tsv, encoding: .utf8) else {
            print("skipped: \(tsv.path) is not in this checkout")
            return
        }
        let types = text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(Set(types) == Set(PIIType.allCases.map(\.rawValue)))
    }
}
