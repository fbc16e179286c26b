import Output

/// A JSON value whose object keys keep the order they were written in.
///
/// `eval.json` is read by people and diffed between runs, so keys come in a fixed, meaningful
/// order (status first) and short lists stay on one line.
package indirect enum JSONNode: Sendable, Equatable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case int(Int)
    /// A number rounded to `decimals` places.
    case number(Double, decimals: Int)
    case bool(Bool)
    case null

    package static func == (a: JSONNode, b: JSONNode) -> Bool { a.compact == b.compact }

    /// A ratio to four places, or null when it was not measured.
    static func ratio(_ value: Double?) -> JSONNode { value.map { .number($0, decimals: 4) } ?? .null }

    static func optional(_ value: String?) -> JSONNode { value.map { .string($0) } ?? .null }

    /// The value on one line, with a space after each `:` and `,` as people write it.
    package var compact: String {
        var j = JSONText()
        switch self {
        case .string(let s): j.string(s)
        case .int(let i): j.int(i)
        case .number(let x, let decimals): j.number(x, decimals: decimals)
        case .bool(let b): j.bool(b)
        case .null: j.string(nil)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ", ") + "]"
        case .object(let members):
            return "{"
                + members.map { key, value in JSONNode.string(key).compact + ": " + value.compact }
                .joined(separator: ", ") + "}"
        }
        return j.text
    }

    /// The value indented by two spaces per level; containers short enough stay on one line.
    package func pretty(indent: String = "", width: Int = 100) -> String {
        let one = compact
        switch self {
        case .array(let items) where one.count + indent.count > width && !items.isEmpty:
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.pretty(indent: inner, width: width) }.joined(separator: ",\n")
                + "\n" + indent + "]"
        case .object(let members) where one.count + indent.count > width && !members.isEmpty:
            let inner = indent + "  "
            return "{\n"
                + members.map { key, value in
                    inner + JSONNode.string(key).compact + ": " + value.pretty(indent: inner, width: width)
                }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return one
        }
    }
}
