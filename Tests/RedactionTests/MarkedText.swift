import FoiaCore
import FoiaTestSupport
import Foundation
import Redaction
import Testing

/// Text with marked spans: `⟦…⟧` must be redacted, `⟪…⟫` must stay.
///
/// A redact marker may name the PII type the redaction must have: `⟦dob:12/7/1984⟧`,
/// `⟦name:Jose Alvarez⟧` (prefixes in `MarkedText.types`). Unprefixed, any type will do.
struct MarkedText {
    struct Mark {
        var text: String
        var type: PIIType?
        /// Line and column of the mark in the marked input, for failure messages.
        var line: Int
        var column: Int
    }

    static let types: [String: PIIType] = [
        "name": .personName, "dob": .dateOfBirth, "anum": .aNumber, "ssn": .ssn, "phone": .phone,
        "email": .email, "addr": .address, "plate": .licensePlate, "dl": .driversLicense, "fbi": .fbiNumber,
        "sid": .stateID, "passport": .passport, "oid": .otherIdentifier,
    ]

    var text = ""
    var redact: [Mark] = []
    var keep: [Mark] = []

    init(_ marked: String) {
        var line = 1
        var column = 1
        var current: (open: Character, start: String.Index, line: Int, column: Int)?
        var buffer = ""
        for ch in marked {
            switch ch {
            case "⟦", "⟪":
                current = (ch, text.endIndex, line, column)
                buffer = ""
            case "⟧", "⟫":
                guard let c = current else { break }
                if c.open == "⟦" {
                    var type: PIIType?
                    var content = buffer
                    if let colon = buffer.firstIndex(of: ":"), let t = MarkedText.types[String(buffer[..<colon])] {
                        type = t
                        content = String(buffer[buffer.index(after: colon)...])
                    }
                    text += content
                    redact.append(Mark(text: content, type: type, line: c.line, column: c.column))
                } else {
                    text += buffer
                    keep.append(Mark(text: buffer, type: nil, line: c.line, column: c.column))
                }
                current = nil
            default:
                if current != nil { buffer.append(ch) } else { text.append(ch) }
            }
            if ch == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }
}

/// The rules of the repository's `Pipelines/pii`, loaded once.
enum TestRules {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Pipelines/pii").path
    static let rules: PIIRules = {
        do {
            return try PIIRules.load(directory: folder)
        } catch {
            fatalError("Pipelines/pii does not load:\n\(error)")
        }
    }()
    static let key: [UInt8] = Array("test key, not secret".utf8)
    static let redactor = Redactor(rules: rules, key: key)
}

/// A communication with a body and optional header values, as segmentation would make it.
func communication(
    id: String = "c1", from: String? = nil, to: [String] = [], cc: [String] = [], subject: String? = nil,
    attachments: [String] = [], quoted: [QuotedHeader] = [], body: String, path: String = "dump/file.pdf"
) -> Communication {
    var header = MessageHeader()
    header.from = from
    header.to = to
    header.cc = cc
    header.subject = subject
    header.attachments = attachments
    var c = Communication(
        id: id, kind: from == nil ? .document : .email, path: path, sha256: "0", pageStart: 1, pageEnd: 1, lineStart: 0,
        ocr: false, header: header, quoted: quoted, body: body)
    c.bodyLinePages = Array(repeating: 1, count: body.split(separator: "\n", omittingEmptySubsequences: false).count)
    c.bodyLineRoles = TestStructure.roles(ofBody: body)
    return c
}

/// Every published text of a redacted communication, one string.
func publishedText(_ r: RedactedCommunication) -> String {
    var parts: [String] = [r.body]
    parts += [r.header.from, r.header.subject].compactMap { $0 }
    parts += r.header.to + r.header.cc + r.header.bcc + r.header.attachments
    for q in r.quoted { parts += [q.from, q.subject].compactMap { $0 } }
    return parts.joined(separator: "\n")
}

/// Whether `needle` appears in `haystack` as whole words (case-insensitive).
func containsWords(_ haystack: String, _ needle: String) -> Bool {
    let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: needle) + "(?![\\p{L}\\p{N}])"
    return haystack.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
}

/// Checks a redaction against marked input: every `⟦…⟧` gone from the output and recorded with
/// its type, every `⟪…⟫` still printed and in no record.
func expectRedaction(
    of marks: [MarkedText], result: [RedactionResult], sourceLocation: SourceLocation = #_sourceLocation
) {
    let published = result.map { publishedText($0.communication) }.joined(separator: "\n")
    let records = result.flatMap(\.records)
    for m in marks {
        for r in m.redact {
            let place = "\(r.line):\(r.column)"
            #expect(!containsWords(published, r.text), "leak at \(place): '\(r.text)' is published", sourceLocation: sourceLocation)
            let covering = records.filter { $0.original.contains(r.text) || r.text.contains($0.original) }
            #expect(!covering.isEmpty, "no redaction record for '\(r.text)' at \(place)", sourceLocation: sourceLocation)
            if let type = r.type, !covering.isEmpty {
                #expect(
                    covering.contains { $0.type == type },
                    "'\(r.text)' at \(place) redacted as \(covering.map(\.type.rawValue)), expected \(type.rawValue)",
                    sourceLocation: sourceLocation)
            }
        }
        for k in m.keep {
            let place = "\(k.line):\(k.column)"
            #expect(published.contains(k.text), "over-redaction at \(place): '\(k.text)' is gone", sourceLocation: sourceLocation)
            let hit = records.filter { $0.original.contains(k.text) || k.text.contains($0.original) }
            #expect(hit.isEmpty, "'\(k.text)' at \(place) was redacted: \(hit.map(\.original))", sourceLocation: sourceLocation)
        }
    }
}

/// Redacts marked bodies as one dump (detect pass over all, then redact pass).
@discardableResult
func expectBodies(_ marked: [String], sourceLocation: SourceLocation = #_sourceLocation) -> [RedactionResult] {
    let marks = marked.map(MarkedText.init)
    let comms = marks.enumerated().map { i, m in communication(id: "c\(i)", body: m.text) }
    let redactor = TestRules.redactor
    let registry = redactor.detect(comms)
    let results = comms.map { redactor.redact($0, registry: registry) }
    expectRedaction(of: marks, result: results, sourceLocation: sourceLocation)
    // A run shares the detect pass's scans with the redact pass: every marked text checks
    // that this gives the same redaction, record for record.
    let memo = ScanMemo()
    let remembering = Redactor(rules: TestRules.rules, key: TestRules.key, scanMemo: memo)
    let memoRegistry = remembering.detect(comms)
    let memoResults = comms.map { remembering.redact($0, registry: memoRegistry) }
    #expect(memo.counts.hits >= comms.count, "\(memo.counts)", sourceLocation: sourceLocation)
    #expect(memoResults.map(\.records) == results.map(\.records), sourceLocation: sourceLocation)
    #expect(memoResults.map(\.communication.body) == results.map(\.communication.body), sourceLocation: sourceLocation)
    return results
}
