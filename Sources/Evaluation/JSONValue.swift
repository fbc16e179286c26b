/// Any JSON value, for reading output records whose schema may be only partly built.
///
/// The evaluator must score a pipeline at every stage of its construction, so it reads
/// records loosely: a missing `detainer` is "not built", not a decoding failure.
package enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    package subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    package var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    package var int: Int? {
        if case .number(let n) = self, n.rounded() == n, abs(n) < 1e15 { return Int(n) }
        return nil
    }

    package var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    package var isNull: Bool { self == .null }

    /// Strings of a list, skipping anything else; nil when this is not a list.
    package var strings: [String]? {
        if case .array(let a) = self { return a.compactMap(\.string) }
        return nil
    }

    /// Every string value below this one, with its key path (`header.to[1]`).
    ///
    /// Keys are visited in sorted order so reports are stable. Keys in `skipping` are left out
    /// with all they hold.
    package func stringValues(path: String = "", skipping: Set<String> = []) -> [(path: String, value: String)] {
        switch self {
        case .string(let s):
            return [(path, s)]
        case .array(let a):
            return a.enumerated().flatMap { i, v in v.stringValues(path: "\(path)[\(i)]", skipping: skipping) }
        case .object(let o):
            return o.keys.sorted().filter { !skipping.contains($0) }.flatMap { key in
                o[key].map { $0.stringValues(path: path.isEmpty ? key : path + "." + key, skipping: skipping) } ?? []
            }
        case .null, .bool, .number:
            return []
        }
    }
}
