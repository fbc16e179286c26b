import Foundation

/// One line of `private/audit.jsonl`: a redaction, with the original text it removed.
///
/// The keys are `RedactionRecord`'s plus `path`. Decoding is deliberately looser than
/// `RedactionRecord` (`type` is any string, most keys optional): an audit written by a newer
/// or older run must still be verifiable, and only `original` is needed to search for a leak.
public struct AuditEntry: Sendable, Hashable, Decodable {
    /// The input PDF the redaction was made in (`REL.pdf`).
    public var path: String?
    public var communicationID: String?
    public var field: String?
    public var page: Int?
    /// The PII type (`person_name`, `a_number` …).
    public var type: String
    public var rule: String?
    public var original: String
    public var placeholder: String?

    public init(
        path: String?, communicationID: String? = nil, field: String? = nil, page: Int?, type: String,
        rule: String?, original: String, placeholder: String?
    ) {
        self.path = path
        self.communicationID = communicationID
        self.field = field
        self.page = page
        self.type = type
        self.rule = rule
        self.original = original
        self.placeholder = placeholder
    }

    enum CodingKeys: String, CodingKey {
        case path
        case communicationID = "communication_id"
        case field, page, type, rule, original, placeholder
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path)
        communicationID = try c.decodeIfPresent(String.self, forKey: .communicationID)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        page = try c.decodeIfPresent(Int.self, forKey: .page)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "unknown"
        rule = try c.decodeIfPresent(String.self, forKey: .rule)
        original = try c.decode(String.self, forKey: .original)
        placeholder = try c.decodeIfPresent(String.self, forKey: .placeholder)
    }

    /// Reads every line of an audit log; a line that cannot be read stops the check, since
    /// verifying against part of the audit would prove nothing about the rest.
    static func load(path: String) throws(VerificationError) -> [AuditEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VerificationError.unreadable(path: path)
        }
        var entries: [AuditEntry] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                entries.append(try decoder.decode(AuditEntry.self, from: Data(line)))
            } catch {
                throw VerificationError.badAuditLine(path: path, line: lineNumber, reason: Self.describe(error))
            }
        }
        return entries
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)' key"
        case DecodingError.typeMismatch(_, let context): return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.valueNotFound(_, let context): return "null at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "not a JSON object"
        }
    }
}
