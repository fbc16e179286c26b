import Foundation
import Rules

/// The redaction rules of a pipeline, loaded from `Pipelines/pii/*.yaml` and validated.
///
/// One file per PII family (`names.yaml`, `dates_of_birth.yaml`, `identifiers.yaml` …) holds
/// that family's rules, and `officials.yaml` the allowlist of public officials. Every problem
/// in every file (unknown keys, regular expressions that do not compile, types outside the
/// contract, duplicate ids, a PII type with no enabled rule) is collected and thrown at once
/// as a `RuleError` naming file, line and key, before any document is opened.
public struct PIIRules: Sendable {
    var patterns: [PatternRule] = []
    var names: [NameRule] = []
    var officials = Officials()
    var lexicon = Lexicon()
    /// The rule files read, in the order read.
    public private(set) var files: [String] = []

    public static let supportedVersion = 1

    /// Ids of the enabled rules with their PII type and description, for a rule listing.
    public var listing: [(id: String, type: String, description: String)] {
        patterns.map { ($0.id, $0.type.rawValue, $0.description) }
            + names.map { ($0.id, PIIType.personName.rawValue, $0.description) }
    }

    /// Loads every `*.yaml` in a folder (`Pipelines/pii`); `officials.yaml` must be one of them.
    public static func load(directory: String) throws(RuleError) -> PIIRules {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleError([RuleProblem(file: directory, line: nil, key: "", message: "cannot read the rule folder")])
        }
        let files = names.filter { $0.lowercased().hasSuffix(".yaml") || $0.lowercased().hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
        return try load(files: files)
    }

    /// Loads the given rule files; the one named `officials.yaml` is the allowlist.
    public static func load(files: [String]) throws(RuleError) -> PIIRules {
        let loader = RuleFileLoader()
        loader.load(files)
        if !loader.problems.isEmpty { throw RuleError(loader.problems) }
        var rules = loader.rules
        rules.files = files
        return rules
    }
}
