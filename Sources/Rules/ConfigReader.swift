import Foundation
import Yams

/// Reads a YAML file into validated values while collecting problems with their line.
///
/// Decoding through `Decodable` loses the line of a bad value and ignores unknown keys;
/// walking the composed node tree keeps both, which is what a rule author needs.
package final class ConfigReader {
    package let file: String
    package private(set) var problems: [RuleProblem] = []

    package init(file: String) {
        self.file = file
    }

    /// Parses the text, reporting syntax errors and duplicate keys as problems.
    package func compose(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, "", "the file is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                problems.append(RuleProblem(file: file, line: mark.line, key: "", message: "YAML syntax: \(problem)"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                problems.append(
                    RuleProblem(
                        file: file, line: context.mark.line, key: duplicates.joined(separator: ", "),
                        message: "duplicate key"))
            default:
                report(nil, "", "YAML error: \(error)")
            }
            return nil
        } catch {
            report(nil, "", "YAML error: \(error)")
            return nil
        }
    }

    package func report(_ node: Node?, _ key: String, _ message: String) {
        problems.append(RuleProblem(file: file, line: node?.mark?.line, key: key, message: message))
    }

    /// The entries of a mapping; unknown keys are problems, with the nearest known key suggested.
    package func mapping(_ node: Node?, _ path: String, allowed: Set<String>) -> [String: Node] {
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            report(node, path, "expected a mapping")
            return [:]
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report(keyNode, path, "keys must be strings")
                continue
            }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if !allowed.contains(key) {
                var message = "unknown key '\(key)'"
                if let near = nearest(key, in: allowed) { message += " (did you mean '\(near)'?)" }
                report(keyNode, keyPath, message)
                continue
            }
            result[key] = value
        }
        return result
    }

    package func sequence(_ node: Node?, _ path: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else {
            report(node, path, "expected a list")
            return []
        }
        return Array(seq)
    }

    package func string(_ node: Node?, _ path: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, path, "expected a string")
            return nil
        }
        return scalar.string
    }

    package func strings(_ node: Node?, _ path: String) -> [String] {
        sequence(node, path).enumerated().compactMap { i, item in string(item, "\(path)[\(i)]") }
    }

    package func int(_ node: Node?, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard let value = node.int else {
            report(node, path, "expected a whole number")
            return nil
        }
        guard range.contains(value) else {
            report(node, path, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    package func double(_ node: Node?, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard let node else { return nil }
        guard let value = node.float ?? node.int.map(Double.init) else {
            report(node, path, "expected a number")
            return nil
        }
        guard range.contains(value) else {
            report(node, path, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    package func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, _ path: String, as: T.Type) -> T?
    where T.RawValue == String {
        guard let raw = string(node, path) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        report(node, path, "unknown value '\(raw)' (known: \(known))")
        return nil
    }

    /// Checks the mandatory `version` key first, so a file written for a newer foiapipe fails clearly.
    package func checkVersion(_ entries: [String: Node], supported: Int, root: Node) {
        guard let node = entries["version"] else {
            report(root, "version", "missing; add 'version: \(supported)' at the top")
            return
        }
        guard let v = node.int, v >= 1 else {
            report(node, "version", "expected a whole number")
            return
        }
        if v > supported { report(node, "version", "version \(v) is newer than this foiapipe supports (\(supported))") }
    }

    private func nearest(_ key: String, in allowed: Set<String>) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in allowed.sorted() {
            let d = editDistance(key, candidate)
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.key
    }
}

/// Levenshtein distance over characters; used for "did you mean" hints and OCR-tolerant matching.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
