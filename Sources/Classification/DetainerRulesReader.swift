import Foundation
import Rules
import Yams

/// Reads and validates `detainers.yaml`.
///
/// Checks, all reported together with file, line and key: the version; unknown keys; every
/// regular expression compiles; every form has a name and at least one number pattern; form
/// names are unique; there is at least one term and one positive cue (without them no
/// detainer could ever be found).
enum DetainerRulesReader {
    static let supportedVersion = 1

    static func read(_ text: String, file: String) -> (DetainerRules?, [RuleProblem]) {
        let reader = ConfigReader(file: file)
        guard let root = reader.compose(text) else { return (nil, reader.problems) }
        let top = reader.mapping(
            root, "",
            allowed: [
                "version", "forms", "terms", "positive_cues", "assertive_cues", "reference_cues", "negation_cues",
                "hypothetical_cues", "policy_cues", "other_person_cues", "attachment_cues", "scope",
            ])
        reader.checkVersion(top, supported: supportedVersion, root: root)
        let negation = reader.mapping(top["negation_cues"], "negation_cues", allowed: ["before", "after"])
        let hypothetical = reader.mapping(top["hypothetical_cues"], "hypothetical_cues", allowed: ["before", "after"])
        let rules = DetainerRules(
            forms: forms(top["forms"], reader),
            terms: reader.patterns(top["terms"], "terms"),
            positiveCues: reader.patterns(top["positive_cues"], "positive_cues"),
            referenceCues: reader.patterns(top["reference_cues"], "reference_cues"),
            assertiveCues: reader.patterns(top["assertive_cues"], "assertive_cues"),
            negationBefore: reader.patterns(negation["before"], "negation_cues.before"),
            negationAfter: reader.patterns(negation["after"], "negation_cues.after"),
            hypotheticalBefore: reader.patterns(hypothetical["before"], "hypothetical_cues.before"),
            hypotheticalAfter: reader.patterns(hypothetical["after"], "hypothetical_cues.after"),
            attachmentCues: reader.patterns(top["attachment_cues"], "attachment_cues"),
            policyCues: reader.patterns(top["policy_cues"], "policy_cues"),
            otherPersonCues: reader.patterns(top["other_person_cues"], "other_person_cues"),
            scope: scope(top["scope"], reader))
        if top["terms"] != nil, rules.terms.isEmpty, reader.problems.isEmpty {
            reader.report(top["terms"], "terms", "at least one term is needed")
        }
        if top["terms"] == nil { reader.report(root, "terms", "missing") }
        if top["positive_cues"] == nil { reader.report(root, "positive_cues", "missing") }
        return reader.problems.isEmpty ? (rules, []) : (nil, reader.problems)
    }

    private static func forms(_ node: Node?, _ reader: ConfigReader) -> [DetainerForm] {
        var seen: Set<String> = []
        return reader.sequence(node, "forms").enumerated().compactMap { i, item in
            let path = "forms[\(i)]"
            let e = reader.mapping(item, path, allowed: ["form", "numbers", "titles"])
            guard let name = reader.string(e["form"], "\(path).form"), !name.isEmpty else {
                reader.report(item, "\(path).form", "missing; the canonical number, e.g. 'I-247A'")
                return nil
            }
            if !seen.insert(name).inserted {
                reader.report(e["form"], "\(path).form", "form '\(name)' is listed twice")
            }
            let numbers = reader.patterns(e["numbers"], "\(path).numbers")
            if e["numbers"] == nil { reader.report(item, "\(path).numbers", "missing; how the number is printed") }
            return DetainerForm(name: name, numbers: numbers, titles: reader.patterns(e["titles"], "\(path).titles"))
        }
    }

    private static func scope(_ node: Node?, _ reader: ConfigReader) -> DetainerScope {
        var s = DetainerScope()
        let e = reader.mapping(
            node, "scope", allowed: ["negation_before_words", "negation_after_words", "hypothetical_after_words"])
        if let v = reader.int(e["negation_before_words"], "scope.negation_before_words", in: 1...30) {
            s.negationBefore = v
        }
        if let v = reader.int(e["negation_after_words"], "scope.negation_after_words", in: 1...30) {
            s.negationAfter = v
        }
        if let v = reader.int(e["hypothetical_after_words"], "scope.hypothetical_after_words", in: 1...30) {
            s.hypotheticalAfter = v
        }
        return s
    }
}
