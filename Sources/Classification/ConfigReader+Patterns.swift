import Foundation
import Rules
import Yams

/// Reading the value kinds the classification rule files use, with each problem reported at its line.
extension ConfigReader {
    /// A list of regular expressions; each one that does not compile is a problem naming it.
    func patterns(_ node: Node?, _ path: String) -> [RulePattern] {
        sequence(node, path).enumerated().compactMap { i, item in
            guard let source = string(item, "\(path)[\(i)]") else { return nil }
            guard let pattern = RulePattern(regex: source) else {
                report(item, "\(path)[\(i)]", "invalid regular expression '\(source)'")
                return nil
            }
            return pattern
        }
    }

    /// A list of plain phrases, matched as whole words with any whitespace between them.
    func phrases(_ node: Node?, _ path: String) -> [RulePattern] {
        sequence(node, path).enumerated().compactMap { i, item in
            guard let source = string(item, "\(path)[\(i)]") else { return nil }
            guard let pattern = RulePattern(phrase: source) else {
                report(item, "\(path)[\(i)]", "empty phrase")
                return nil
            }
            return pattern
        }
    }

    /// Patterns that must define a named group, such as `amount`.
    func patterns(_ node: Node?, _ path: String, withGroup group: String) -> [RulePattern] {
        let list = patterns(node, path)
        let items = sequence(node, path)
        for (i, p) in list.enumerated() where !p.source.contains("(?<\(group)>") {
            report(i < items.count ? items[i] : node, "\(path)[\(i)]", "pattern needs a named group (?<\(group)>...)")
        }
        return list.filter { $0.source.contains("(?<\(group)>") }
    }

    func bool(_ node: Node?, _ path: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar = node, let value = node.bool else {
            report(node, path, "expected true or false")
            return nil
        }
        return value
    }

    /// Entries of a mapping whose keys are data (category names), in file order.
    func entries(_ node: Node?, _ path: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            report(node, path, "expected a mapping")
            return []
        }
        return mapping.compactMap { keyNode, value in
            guard let key = keyNode.string else {
                report(keyNode, path, "keys must be strings")
                return nil
            }
            return (key, keyNode, value)
        }
    }

    /// A closest known name for a "did you mean" hint, or nil when nothing is close.
    func suggestion(for name: String, among known: [String]) -> String? {
        let best = known.map { ($0, editDistance(name, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }
}
