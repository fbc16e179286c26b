import Foundation
import Rules
import Yams

/// Reads and validates `offenses.yaml`.
///
/// Checks, all reported together with file, line and key: the version; unknown keys at every
/// level; every regular expression compiles; citation formats name `chapter` and `section`;
/// every citation a category lists is readable by some format; every category exists in the
/// contract and agrees with its level and violent flag; every contract category has at least
/// one phrase, pattern or citation, so that none is silently never found.
enum OffenseRulesReader {
    static let supportedVersion = 1

    static func read(_ text: String, file: String) -> (OffenseRules?, [RuleProblem]) {
        let reader = ConfigReader(file: file)
        guard let root = reader.compose(text) else { return (nil, reader.problems) }
        let top = reader.mapping(
            root, "",
            allowed: [
                "version", "citation_formats", "ignore", "status_cues", "negation_cues", "hypothetical_cues",
                "generic_cues", "example_cues", "level_words", "amounts", "scope", "categories",
            ])
        reader.checkVersion(top, supported: supportedVersion, root: root)

        let formats = citationFormats(top["citation_formats"], reader)
        let rules = OffenseRules(
            citationFormats: formats,
            ignore: reader.patterns(top["ignore"], "ignore"),
            statusCues: statusCues(top["status_cues"], reader),
            negationCues: reader.patterns(top["negation_cues"], "negation_cues"),
            hypotheticalCues: reader.patterns(top["hypothetical_cues"], "hypothetical_cues"),
            genericCues: reader.patterns(top["generic_cues"], "generic_cues"),
            exampleCues: reader.patterns(top["example_cues"], "example_cues"),
            amounts: amounts(top["amounts"], reader),
            levelWords: levelWords(top["level_words"], reader),
            scope: scope(top["scope"], reader),
            categories: categories(top["categories"], formats: formats, reader, root: root))
        return reader.problems.isEmpty ? (rules, []) : (nil, reader.problems)
    }

    private static func citationFormats(_ node: Node?, _ reader: ConfigReader) -> [CitationFormat] {
        reader.sequence(node, "citation_formats").enumerated().compactMap { i, item in
            let path = "citation_formats[\(i)]"
            let e = reader.mapping(item, path, allowed: ["law", "pattern"])
            guard let law = reader.string(e["law"], "\(path).law"), !law.isEmpty else {
                reader.report(item, "\(path).law", "missing; name the body of law, e.g. 'MGL'")
                return nil
            }
            guard let source = reader.string(e["pattern"], "\(path).pattern") else {
                reader.report(item, "\(path).pattern", "missing")
                return nil
            }
            guard let pattern = RulePattern(regex: source) else {
                reader.report(e["pattern"], "\(path).pattern", "invalid regular expression '\(source)'")
                return nil
            }
            let missing = CitationFormat.requiredGroups.filter { !source.contains("(?<\($0)>") }
            if !missing.isEmpty {
                let groups = missing.map { "(?<\($0)>...)" }.joined(separator: " and ")
                reader.report(e["pattern"], "\(path).pattern", "pattern needs the named group \(groups)")
                return nil
            }
            return CitationFormat(law: law, pattern: pattern)
        }
    }

    private static func statusCues(_ node: Node?, _ reader: ConfigReader) -> [OffenseStatus: [RulePattern]] {
        let readable = OffenseStatus.allCases.filter { $0 != .unknown }
        let e = reader.mapping(node, "status_cues", allowed: Set(readable.map(\.rawValue)))
        var out: [OffenseStatus: [RulePattern]] = [:]
        for status in readable {
            out[status] = reader.patterns(e[status.rawValue], "status_cues.\(status.rawValue)")
        }
        return out
    }

    private static func amounts(_ node: Node?, _ reader: ConfigReader) -> AmountGrammar {
        let e = reader.mapping(node, "amounts", allowed: ["above", "at_or_below", "plain", "ignore_context"])
        return AmountGrammar(
            above: reader.patterns(e["above"], "amounts.above", withGroup: "amount"),
            atOrBelow: reader.patterns(e["at_or_below"], "amounts.at_or_below", withGroup: "amount"),
            plain: reader.patterns(e["plain"], "amounts.plain", withGroup: "amount"),
            ignoreContext: reader.patterns(e["ignore_context"], "amounts.ignore_context"))
    }

    private static func levelWords(_ node: Node?, _ reader: ConfigReader) -> [OffenseLevel: [RulePattern]] {
        let e = reader.mapping(node, "level_words", allowed: ["felony", "misdemeanor"])
        return [
            .felony: reader.patterns(e["felony"], "level_words.felony"),
            .misdemeanor: reader.patterns(e["misdemeanor"], "level_words.misdemeanor"),
        ]
    }

    private static func scope(_ node: Node?, _ reader: ConfigReader) -> OffenseScope {
        var s = OffenseScope()
        let e = reader.mapping(node, "scope", allowed: ["negation_words", "hypothetical_words"])
        if let v = reader.int(e["negation_words"], "scope.negation_words", in: 1...30) { s.negationWords = v }
        if let v = reader.int(e["hypothetical_words"], "scope.hypothetical_words", in: 1...30) {
            s.hypotheticalWords = v
        }
        return s
    }

    private static let categoryKeys: Set<String> = [
        "statute", "level", "violent", "citations", "phrases", "patterns", "level_by_amount",
        "level_by_offense_number", "status",
    ]

    private static func categories(
        _ node: Node?, formats: [CitationFormat], _ reader: ConfigReader, root: Node
    ) -> [OffenseCategoryRule] {
        let known = ContractVocabulary.categories.map(\.name)
        var found: [String: OffenseCategoryRule] = [:]
        for (name, keyNode, value) in reader.entries(node, "categories") {
            let path = "categories.\(name)"
            guard let contract = ContractVocabulary.category(named: name) else {
                var message = "unknown category '\(name)' (not in offenses.tsv)"
                if let near = reader.suggestion(for: name, among: known) { message += " (did you mean '\(near)'?)" }
                reader.report(keyNode, path, message)
                continue
            }
            found[name] = category(contract, value, path: path, formats: formats, reader)
        }
        if node == nil {
            reader.report(root, "categories", "missing; every category of offenses.tsv needs rules")
        } else {
            for name in known where found[name] == nil {
                reader.report(node, "categories", "no rules for category '\(name)' of offenses.tsv")
            }
            for (name, rule) in found where rule.patterns.isEmpty && rule.citations.isEmpty {
                reader.report(node, "categories.\(name)", "no phrase, pattern or citation: it would never be found")
            }
        }
        return ContractVocabulary.categories.compactMap { found[$0.name] }
    }

    private static func category(
        _ contract: ContractCategory, _ node: Node, path: String, formats: [CitationFormat], _ reader: ConfigReader
    ) -> OffenseCategoryRule {
        let e = reader.mapping(node, path, allowed: categoryKeys)
        var rule = OffenseCategoryRule(
            contract: contract, statute: contract.statute, patterns: [], citations: [], levelByAmount: nil,
            levelByOffenseNumber: nil, fixedStatus: nil)
        if let statute = reader.string(e["statute"], "\(path).statute") { rule.statute = statute }
        if let level = reader.choice(e["level"], "\(path).level", as: OffenseLevel.self), level != contract.level {
            reader.report(
                e["level"], "\(path).level",
                "'\(level.rawValue)' differs from offenses.tsv ('\(contract.level.rawValue)'); use level_by_* rules")
        }
        if let violent = reader.bool(e["violent"], "\(path).violent"), violent != contract.violent {
            reader.report(e["violent"], "\(path).violent", "\(violent) differs from offenses.tsv (\(contract.violent))")
        }
        rule.patterns =
            reader.phrases(e["phrases"], "\(path).phrases") + reader.patterns(e["patterns"], "\(path).patterns")
        for (i, item) in reader.sequence(e["citations"], "\(path).citations").enumerated() {
            guard let written = reader.string(item, "\(path).citations[\(i)]") else { continue }
            if let citation = formats.lazy.compactMap({ $0.parse(written) }).first {
                rule.citations.append(citation)
            } else {
                reader.report(item, "\(path).citations[\(i)]", "no citation format reads '\(written)'")
            }
        }
        if let node = e["level_by_amount"] {
            let p = "\(path).level_by_amount"
            let a = reader.mapping(node, p, allowed: ["threshold", "above", "at_or_below"])
            let threshold = reader.double(a["threshold"], "\(p).threshold", in: 0...1e9)
            let above = reader.choice(a["above"], "\(p).above", as: OffenseLevel.self)
            let below = reader.choice(a["at_or_below"], "\(p).at_or_below", as: OffenseLevel.self)
            if let threshold, let above, let below {
                rule.levelByAmount = AmountRule(threshold: threshold, above: above, atOrBelow: below)
            } else {
                reader.report(node, p, "needs threshold, above and at_or_below")
            }
        }
        if let node = e["level_by_offense_number"] {
            let p = "\(path).level_by_offense_number"
            let n = reader.mapping(node, p, allowed: ["from", "level"])
            let from = reader.int(n["from"], "\(p).from", in: 2...20)
            let level = reader.choice(n["level"], "\(p).level", as: OffenseLevel.self)
            if let from, let level {
                rule.levelByOffenseNumber = OffenseNumberRule(from: from, level: level)
            } else {
                reader.report(node, p, "needs from and level")
            }
        }
        if let status = reader.choice(e["status"], "\(path).status", as: OffenseStatus.self) {
            rule.fixedStatus = status
        }
        return rule
    }
}
