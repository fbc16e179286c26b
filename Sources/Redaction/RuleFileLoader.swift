import Foundation
import TextPatterns
import Rules
import Yams

/// Reads the PII rule files into `PIIRules`, collecting every problem with file, line and key.
///
/// A family file:
///
/// ```yaml
/// version: 1
/// description: what the family covers
/// define:                       # named sub-patterns, used as {{name}} in any file's patterns
///   date: '\d{1,2}/\d{1,2}/\d{2,4}'
/// lexicon:                      # only where name rules need it (names.yaml)
///   dictionary: /usr/share/dict/words
///   not_names: [Boston, El Salvador]
///   function_words: [he, she]
///   particles: [de, van]
/// rules:
///   - id: dob_labelled          # unique across all files, snake_case
///     kind: pattern             # default; or a name rule kind (see NameRuleKind)
///     type: date_of_birth       # from shared/contract/pii-types.tsv
///     description: one line for the rule listing
///     label: '\bDOB\b'          # optional regular expression before the value
///     value: '{{date}}'         # the identifier itself; a group named v narrows it
///     within: 12                # most characters between label and value
///     next_line: false          # look on the next line when not found after the label
///     next_line_only: false     # (labelled_name) only on the next line: a form's label row
///     check: date               # ssn | a_number | ma_license | phone | date
///     on_check_failure: reject  # or review (kept at half confidence)
///     case_sensitive: false
///     confidence: 0.97
///     enabled: true
/// ```
final class RuleFileLoader {
    private(set) var problems: [RuleProblem] = []
    private(set) var rules = PIIRules()

    static let familyKeys: Set<String> = ["version", "description", "define", "lexicon", "rules"]
    static let officialKeys: Set<String> = [
        "version", "description", "domains", "domain_suffixes", "private_domains", "titles", "work_titles", "agencies",
        "names", "phones", "phone_prefixes", "addresses",
    ]
    static let commonRuleKeys: Set<String> = ["id", "kind", "type", "description", "enabled", "confidence"]
    static let patternKeys: Set<String> = [
        "label", "value", "within", "next_line", "check", "on_check_failure", "case_sensitive", "context", "unless",
        "unless_before",
    ]
    static func nameKeys(_ kind: NameRuleKind) -> Set<String> {
        switch kind {
        case .labelledName: ["label", "next_line", "next_line_only", "forms", "context", "single_word"]
        case .honorificName: ["label"]
        case .lastFirstName: ["case", "near", "within", "context"]
        case .nameBeforeLabel: ["label", "single_word", "context"]
        case .partyName: ["unknown_domain_confidence"]
        case .subjectName: []
        case .proseName: []
        }
    }

    func load(_ files: [String]) {
        var readers: [(ConfigReader, [String: Node], Node)] = []
        var sawOfficials = false
        for file in files {
            let reader = ConfigReader(file: file)
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                problems.append(RuleProblem(file: file, line: nil, key: "", message: "cannot read the rule file"))
                continue
            }
            guard let root = reader.compose(text) else {
                problems += reader.problems
                continue
            }
            let isOfficials = (file as NSString).lastPathComponent.lowercased().hasPrefix("officials.")
            let top = reader.mapping(
                root, "", allowed: isOfficials ? RuleFileLoader.officialKeys : RuleFileLoader.familyKeys)
            reader.checkVersion(top, supported: PIIRules.supportedVersion, root: root)
            if isOfficials {
                sawOfficials = true
                readOfficials(top, reader: reader)
            } else {
                readers.append((reader, top, root))
            }
            if isOfficials { problems += reader.problems }
        }
        if !sawOfficials {
            problems.append(
                RuleProblem(
                    file: files.first.map { ($0 as NSString).deletingLastPathComponent } ?? "", line: nil, key: "",
                    message: "no officials.yaml among the rule files; the allowlist of public officials is required"))
        }
        // Defines first, from every file, so a pattern may use a sub-pattern of another family.
        var defines: [String: (String, ConfigReader, Node)] = [:]
        for (reader, top, _) in readers {
            guard let node = top["define"] else { continue }
            guard case .mapping(let mapping) = node else {
                reader.report(node, "define", "expected a mapping of names to patterns")
                continue
            }
            for (k, v) in mapping {
                guard let name = k.string else { continue }
                guard name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                    reader.report(k, "define.\(name)", "sub-pattern names are snake_case")
                    continue
                }
                if let earlier = defines[name] {
                    reader.report(k, "define.\(name)", "defined again (first in \(earlier.1.file):\(earlier.2.mark?.line ?? 0))")
                    continue
                }
                guard let pattern = reader.string(v, "define.\(name)") else { continue }
                defines[name] = (pattern, reader, v)
            }
        }
        var seenIDs: [String: String] = [:]
        for (reader, top, _) in readers {
            if let lex = top["lexicon"] { readLexicon(lex, reader: reader) }
            for (i, node) in reader.sequence(top["rules"], "rules").enumerated() {
                readRule(node, path: "rules[\(i)]", reader: reader, defines: defines, seenIDs: &seenIDs)
            }
            problems += reader.problems
        }
        checkCoverage(files)
    }

    // MARK: - Rules

    private func readRule(
        _ node: Node, path: String, reader: ConfigReader, defines: [String: (String, ConfigReader, Node)],
        seenIDs: inout [String: String]
    ) {
        guard case .mapping = node else {
            reader.report(node, path, "expected a mapping")
            return
        }
        // Read the kind first, to know which keys are allowed.
        var kindName = "pattern"
        if case .mapping(let m) = node, let k = m["kind"], let s = k.string { kindName = s }
        let nameKind = NameRuleKind(rawValue: kindName)
        if kindName != "pattern" && nameKind == nil {
            let known = (["pattern"] + NameRuleKind.allCases.map(\.rawValue)).joined(separator: ", ")
            if case .mapping(let m) = node { reader.report(m["kind"], "\(path).kind", "unknown kind '\(kindName)' (known: \(known))") }
            return
        }
        let allowed = RuleFileLoader.commonRuleKeys.union(
            nameKind.map(RuleFileLoader.nameKeys) ?? RuleFileLoader.patternKeys)
        let e = reader.mapping(node, path, allowed: allowed)
        guard let id = reader.string(e["id"], "\(path).id") else {
            reader.report(node, "\(path).id", "every rule needs an id")
            return
        }
        if id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
            reader.report(e["id"], "\(path).id", "rule ids are snake_case ('\(id)')")
        }
        let place = "\(reader.file):\(e["id"]?.mark?.line ?? 0)"
        if let earlier = seenIDs[id] {
            reader.report(e["id"], "\(path).id", "duplicate rule id '\(id)' (first at \(earlier))")
        } else {
            seenIDs[id] = place
        }
        let description = reader.string(e["description"], "\(path).description") ?? ""
        if e["description"] == nil { reader.report(node, "\(path).description", "every rule needs a description") }
        let enabled = e["enabled"].map { $0.bool ?? true } ?? true
        if let n = e["enabled"], n.bool == nil { reader.report(n, "\(path).enabled", "expected true or false") }
        let confidence = reader.double(e["confidence"], "\(path).confidence", in: 0...1) ?? 0.9
        var type: PIIType?
        if let t = e["type"] {
            if let raw = reader.string(t, "\(path).type") {
                type = PIIType(rawValue: raw)
                if type == nil {
                    let known = PIIType.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.report(t, "\(path).type", "unknown PII type '\(raw)' (known: \(known))")
                    return
                }
            }
        }
        if let nameKind {
            if let type, type != .personName {
                reader.report(e["type"], "\(path).type", "a \(nameKind.rawValue) rule finds person_name, not \(type.rawValue)")
            }
            var rule = NameRule(id: id, kind: nameKind, description: description, confidence: confidence)
            rule.label = regex(e["label"], "\(path).label", reader: reader, defines: defines, caseSensitive: false)
            if [.labelledName, .honorificName, .nameBeforeLabel].contains(nameKind), rule.label == nil, e["label"] == nil {
                reader.report(node, "\(path).label", "a \(nameKind.rawValue) rule needs a label")
            }
            if let n = e["next_line"] { rule.nextLine = n.bool ?? false }
            if let n = e["single_word"] { rule.singleWord = n.bool ?? false }
            if let n = e["next_line_only"] {
                rule.nextLineOnly = n.bool ?? false
                rule.nextLine = rule.nextLine || rule.nextLineOnly
            }
            if let n = e["forms"] {
                var forms = Set<NameForm>()
                for (j, f) in reader.sequence(n, "\(path).forms").enumerated() {
                    if let v = reader.choice(f, "\(path).forms[\(j)]", as: NameForm.self) { forms.insert(v) }
                }
                if !forms.isEmpty { rule.forms = forms }
            }
            if let n = e["context"], let raw = reader.string(n, "\(path).context") {
                switch raw {
                case "strong": rule.context = .strong
                case "weak": rule.context = .weak
                default: reader.report(n, "\(path).context", "unknown value '\(raw)' (known: strong, weak)")
                }
            }
            if let n = e["case"], let raw = reader.string(n, "\(path).case") {
                switch raw {
                case "upper": rule.upperSurname = true
                case "any": rule.upperSurname = false
                default: reader.report(n, "\(path).case", "unknown value '\(raw)' (known: upper, any)")
                }
            }
            for (j, t) in reader.sequence(e["near"], "\(path).near").enumerated() {
                if let raw = reader.string(t, "\(path).near[\(j)]") {
                    if let v = PIIType(rawValue: raw) { rule.near.insert(v) } else {
                        reader.report(t, "\(path).near[\(j)]", "unknown PII type '\(raw)'")
                    }
                }
            }
            rule.within = reader.int(e["within"], "\(path).within", in: 0...400) ?? 80
            if let v = reader.double(e["unknown_domain_confidence"], "\(path).unknown_domain_confidence", in: 0...1) {
                rule.unknownDomainConfidence = v
            }
            rule.file = (reader.file as NSString).lastPathComponent
            if enabled { rules.names.append(rule) }
            return
        }
        guard let type else {
            reader.report(node, "\(path).type", "a pattern rule needs a type")
            return
        }
        let caseSensitive = e["case_sensitive"]?.bool ?? false
        guard e["value"] != nil else {
            reader.report(node, "\(path).value", "a pattern rule needs a value pattern")
            return
        }
        let label = regex(e["label"], "\(path).label", reader: reader, defines: defines, caseSensitive: false)
        guard let value = regex(e["value"], "\(path).value", reader: reader, defines: defines, caseSensitive: caseSensitive)
        else { return }
        var check: IdentifierCheck?
        if let n = e["check"] { check = reader.choice(n, "\(path).check", as: IdentifierCheck.self) }
        var reject = true
        if let n = e["on_check_failure"], let raw = reader.string(n, "\(path).on_check_failure") {
            switch raw {
            case "reject": reject = true
            case "review": reject = false
            default: reader.report(n, "\(path).on_check_failure", "unknown value '\(raw)' (known: reject, review)")
            }
        }
        var rule = PatternRule(
            id: id, type: type, description: description, label: label, value: value,
            within: reader.int(e["within"], "\(path).within", in: 0...400) ?? 12,
            nextLine: e["next_line"]?.bool ?? false, check: check, rejectOnCheckFailure: reject, confidence: confidence)
        if let n = e["context"], let raw = reader.string(n, "\(path).context") {
            if raw == "private_person" { rule.privateContext = true } else {
                reader.report(n, "\(path).context", "unknown value '\(raw)' (known: private_person)")
            }
        }
        // Anchored here so that the files can write the safe shapes plainly.
        rule.unless = regex(
            e["unless"], "\(path).unless", reader: reader, defines: defines, caseSensitive: caseSensitive,
            wrap: { #"\A(?:"# + $0 + #")\z"# })
        rule.unlessBefore = regex(
            e["unless_before"], "\(path).unless_before", reader: reader, defines: defines, caseSensitive: caseSensitive,
            wrap: { "(?:" + $0 + #")\z"# })
        rule.file = (reader.file as NSString).lastPathComponent
        if enabled { rules.patterns.append(rule) }
    }

    /// Compiles a pattern after expanding `{{name}}` sub-patterns; reports what fails.
    private func regex(
        _ node: Node?, _ path: String, reader: ConfigReader, defines: [String: (String, ConfigReader, Node)],
        caseSensitive: Bool, wrap: (String) -> String = { $0 }
    ) -> TextPattern? {
        guard let node, let raw = reader.string(node, path) else { return nil }
        var pattern = wrap(raw)
        let macro = "\\{\\{[a-z][a-z0-9_]*\\}\\}"
        var depth = 0
        while let r = pattern.range(of: macro, options: .regularExpression) {
            let name = String(pattern[r].dropFirst(2).dropLast(2))
            guard let def = defines[name] else {
                reader.report(node, path, "unknown sub-pattern '{{\(name)}}' (add it under define:)")
                return nil
            }
            pattern.replaceSubrange(r, with: "(?:" + def.0 + ")")
            depth += 1
            if depth > 200 {
                reader.report(node, path, "sub-patterns refer to each other in a loop")
                return nil
            }
        }
        var options: TextPattern.Options = [.anchorsMatchLines]
        if !caseSensitive { options.insert(.caseInsensitive) }
        do {
            return try TextPattern(pattern: pattern, options: options)
        } catch {
            reader.report(node, path, "invalid regular expression '\(raw)'")
            return nil
        }
    }

    // MARK: - Lexicon and officials

    private func readLexicon(_ node: Node, reader: ConfigReader) {
        let e = reader.mapping(node, "lexicon", allowed: ["dictionary", "not_names", "function_words", "particles"])
        if let path = reader.string(e["dictionary"], "lexicon.dictionary") {
            let resolved = path.hasPrefix("/")
                ? path
                : URL(fileURLWithPath: reader.file).deletingLastPathComponent().appendingPathComponent(path).path
            if let words = Lexicon.words(fromFile: resolved) {
                rules.lexicon.commonWords.formUnion(words.common)
                rules.lexicon.ambiguousWords.formUnion(words.ambiguous)
                rules.lexicon.properNames.formUnion(words.proper)
            } else {
                reader.report(e["dictionary"], "lexicon.dictionary", "cannot read word list '\(path)'")
            }
        }
        for phrase in reader.strings(e["not_names"], "lexicon.not_names") {
            let words = phrase.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" }).map { foldWord(String($0)) }
            if words.count == 1 { rules.lexicon.notNames.insert(words[0]) } else if words.count > 1 {
                rules.lexicon.notNamePhrases.insert(words)
            }
        }
        rules.lexicon.functionWords.formUnion(reader.strings(e["function_words"], "lexicon.function_words").map(foldWord))
        rules.lexicon.particles.formUnion(reader.strings(e["particles"], "lexicon.particles"))
    }

    private func readOfficials(_ e: [String: Node], reader: ConfigReader) {
        var o = Officials()
        o.domains = reader.strings(e["domains"], "domains").map(Officials.normalizeDomain)
        o.domainSuffixes = reader.strings(e["domain_suffixes"], "domain_suffixes").map { $0.lowercased() }
        for (i, s) in o.domainSuffixes.enumerated() where !s.hasPrefix(".") {
            reader.report(reader.sequence(e["domain_suffixes"], "domain_suffixes")[i], "domain_suffixes[\(i)]", "a suffix starts with a dot ('.\(s)')")
        }
        o.privateDomains = Set(reader.strings(e["private_domains"], "private_domains").map(Officials.normalizeDomain))
        o.titles = reader.strings(e["titles"], "titles")
        o.workTitles = reader.strings(e["work_titles"], "work_titles")
        o.agencies = reader.strings(e["agencies"], "agencies")
        for (i, n) in reader.sequence(e["names"], "names").enumerated() {
            guard let s = reader.string(n, "names[\(i)]") else { continue }
            guard let identity = PersonName.identity(of: s), identity.contains(" ") else {
                reader.report(n, "names[\(i)]", "expected a full name ('Last, First' or 'First Last'), got '\(s)'")
                continue
            }
            o.nameIdentities.insert(identity)
            let name = RuleFileLoader.personName(s)
            o.names.append(name)
            o.nameWords.formUnion(name.words)
        }
        for (i, n) in reader.sequence(e["phones"], "phones").enumerated() {
            guard let s = reader.string(n, "phones[\(i)]") else { continue }
            var d = IdentifierCheck.digits(s)
            if d.count == 11, d.first == "1" { d.removeFirst() }
            if d.count == 10 { o.phones.insert(d) } else { reader.report(n, "phones[\(i)]", "expected a ten-digit number, got '\(s)'") }
        }
        for (i, n) in reader.sequence(e["phone_prefixes"], "phone_prefixes").enumerated() {
            guard let s = reader.string(n, "phone_prefixes[\(i)]") else { continue }
            let d = IdentifierCheck.digits(s)
            if (3...9).contains(d.count) { o.phonePrefixes.append(d) } else {
                reader.report(n, "phone_prefixes[\(i)]", "expected 3 to 9 leading digits, got '\(s)'")
            }
        }
        for (i, n) in reader.sequence(e["addresses"], "addresses").enumerated() {
            guard let s = reader.string(n, "addresses[\(i)]") else { continue }
            let words = Officials.normalizeAddress(s)
            if words.isEmpty { reader.report(n, "addresses[\(i)]", "empty address") } else { o.addresses.append(words) }
        }
        o.compile()
        for key in ["titles", "work_titles", "agencies"] where e[key] == nil {
            reader.report(nil, key, "missing; officials.yaml must list \(key)")
        }
        rules.officials = o
    }

    static func personName(_ s: String) -> PersonName {
        if let comma = s.firstIndex(of: ",") {
            return PersonName(
                given: s[s.index(after: comma)...].split(separator: " ").map { foldWord(String($0)) }
                    .filter { $0.count > 1 && !$0.hasSuffix(".") },
                surname: s[..<comma].split(separator: " ").map { foldWord(String($0)) })
        }
        let words = s.split(separator: " ").map { foldWord(String($0)) }.filter { $0.count > 1 && !$0.hasSuffix(".") }
        return PersonName(given: Array(words.dropLast()), surname: words.last.map { [$0] } ?? [])
    }

    // MARK: - Coverage

    /// Every PII type of the contract must have at least one enabled rule that looks for it
    /// everywhere; a rule that fires only beside a private person does not cover its type.
    private func checkCoverage(_ files: [String]) {
        var covered = Set(rules.patterns.filter { !$0.privateContext }.map(\.type))
        if !rules.names.isEmpty { covered.insert(.personName) }
        let place = files.first.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        for type in PIIType.allCases where !covered.contains(type) {
            problems.append(
                RuleProblem(
                    file: place, line: nil, key: "rules",
                    message: "no enabled rule finds \(type.rawValue); every PII type of the contract needs one"))
        }
    }
}
