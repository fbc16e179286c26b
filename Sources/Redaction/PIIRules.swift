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

    /// The enabled rules as a Markdown table per file (`Pipelines/pii/RULES.md`), in file order.
    public var markdownListing: String {
        var rows: [(file: String, id: String, kind: String, type: String, confidence: Double, description: String)] = []
        rows += patterns.map { ($0.file, $0.id, "pattern", $0.type.rawValue, $0.confidence, $0.description) }
        rows += names.map { ($0.file, $0.id, $0.kind.rawValue, PIIType.personName.rawValue, $0.confidence, $0.description) }
        var out = """
            # PII rules

            Generated from the rule files in this folder; do not edit. Regenerate with
            `RECORD_RULES=1 swift test --filter RuleListingTests` after changing a rule.
            The file format is described in `README.md`.

            """
        let fileOrder = files.map { ($0 as NSString).lastPathComponent }
        for file in fileOrder {
            let inFile = rows.filter { $0.file == file }
            guard !inFile.isEmpty else { continue }
            out += "\n## \(file)\n\n| id | kind | type | confidence | what it finds |\n|---|---|---|---|---|\n"
            for r in inFile {
                let text = r.description.replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(r.id)` | \(r.kind) | \(r.type) | \(String(format: "%.2f", r.confidence)) | \(text) |\n"
            }
        }
        return out
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
