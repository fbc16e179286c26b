import FoiaCore
import Foundation

/// What redacting one communication gives: the publishable communication and the audit.
public struct RedactionResult: Sendable {
    public let communication: RedactedCommunication
    /// Every redaction with its original text: for `private/audit.jsonl` only.
    public let records: [RedactionRecord]
}

/// The redaction stage: finds personal information of private persons and replaces it.
///
/// It runs in two passes so that a dump can be processed in shards:
///
/// 1. `detect(_:)` over every communication of every file builds an `EntityRegistry` of the
///    private persons and officials named (registries of shards `merge`);
/// 2. `redact(_:registry:)` redacts one communication with the complete registry, so a
///    person identified in one file is redacted in all of them.
///
/// `redactionTargets(for:registry:)` gives the PDF burn-in the boxes of the same redactions
/// on a page. A redactor is a value holding compiled rules and the pseudonym key; it does
/// no I/O and is safe to use from many threads at once.
public struct Redactor: Sendable {
    public let rules: PIIRules
    public let pseudonyms: Pseudonymizer
    let scanner: TextScanner

    /// - Parameter key: the secret for `[PERSON-XXXX]` tags; keep it in `private/` and reuse
    ///   it across runs so that tags stay stable.
    /// - Parameter scanMemo: shared by the detect and the redact pass's redactors of one run,
    ///   so the redact pass reuses the detect pass's scans (see `ScanMemo`).
    public init(rules: PIIRules, key: [UInt8], scanMemo: ScanMemo? = nil) {
        self.rules = rules
        pseudonyms = Pseudonymizer(key: key)
        scanner = TextScanner(rules: rules, memo: scanMemo)
    }

    // MARK: - Detect pass

    /// The persons and officials one communication names, with the evidence's strength.
    public func detect(_ communication: Communication) -> EntityRegistry {
        var registry = EntityRegistry()
        for (text, field, name) in Redactor.fields(of: communication) {
            detect(text, field, roles: name == "body" ? communication.bodyLineRoles : [], into: &registry)
        }
        return registry
    }

    /// The registry of many communications (a file, a shard or the whole dump).
    public func detect<S: Sequence>(_ communications: S) -> EntityRegistry where S.Element == Communication {
        var registry = EntityRegistry()
        for c in communications { registry.merge(detect(c)) }
        return registry
    }

    /// The persons and officials printed on a page (page furniture included).
    ///
    /// - Parameter roles: segmentation's role of each printed line of the page
    ///   (`Segmenter.roles(of:)`); without them no line is read as a header line.
    public func detect(page: PageText, roles: [LineRole]) -> EntityRegistry {
        var registry = EntityRegistry()
        detect(PageWords(page).text, .body, roles: roles, into: &registry)
        return registry
    }

    func detect(_ text: String, _ field: FieldKind, roles: [LineRole] = [], into registry: inout EntityRegistry) {
        guard !text.isEmpty else { return }
        let (scan, ctx) = scanner.scanKeeping(text, field: field, roles: roles)
        for hit in scan.officials { registry.addOfficial(hit.name, strength: hit.strength, reason: hit.reason) }
        for span in scan.kept {
            if let key = IdentifierKey.key(ctx.string(span)) { registry.addKept(key) }
        }
        for f in scan.findings where f.type != .personName && f.type != .address && f.confidence >= 0.7 {
            if let key = IdentifierKey.key(ctx.string(f.span), type: f.type) {
                registry.addIdentifier(key, type: f.type, strength: f.confidence)
            }
        }
        for f in scan.findings where f.type == .personName {
            guard let name = f.name else { continue }
            if scan.officials.contains(where: { $0.span.overlaps(f.span) && $0.strength >= f.confidence }) { continue }
            registry.addPrivate(name, strength: f.confidence, rule: f.ruleID)
        }
    }

    // MARK: - Redact pass

    /// Redacts every text field of a communication with the dump's registry.
    public func redact(_ c: Communication, registry: EntityRegistry) -> RedactionResult {
        redact(c, classification: nil, registry: registry)
    }

    /// Redacts a communication and its classification's `evidence` snippets.
    ///
    /// A snippet is a sentence cut from the body with its whitespace collapsed, so the rules
    /// run on it alone could miss what only its context decided (a `Name:` label on the line
    /// before). Every string redacted from this communication is therefore also replaced
    /// wherever it appears in a snippet, then the rules and the registry run on the snippet.
    public func redact(_ c: Communication, classification: Classification?, registry: EntityRegistry)
        -> RedactionResult
    {
        redact(c, classification: classification, in: scope(registry))
    }

    /// The redact pass's view of one document: its scoped registry, with what is built from it
    /// once (the leak sweep's matcher over every person the document names) rather than once
    /// for each of the document's texts.
    public func scope(_ registry: EntityRegistry) -> RedactionScope {
        RedactionScope(resolver: Resolver(rules: rules, scanner: scanner, pseudonyms: pseudonyms, registry: registry))
    }

    /// Redacts a communication and its evidence snippets within a document's scope.
    public func redact(_ c: Communication, classification: Classification?, in scope: RedactionScope)
        -> RedactionResult
    {
        let resolver = scope.resolver
        var records: [RedactionRecord] = []
        var counts: [String: Int] = [:]
        func apply(_ text: String?, _ field: FieldKind, _ name: String) -> String? {
            guard let text, !text.isEmpty else { return text }
            let spans = resolver.resolve(text, field: field, roles: name == "body" ? c.bodyLineRoles : [])
            guard !spans.isEmpty else { return text }
            let ns = text as NSString
            let lines = name == "body" ? TextLines(text) : nil
            for s in spans {
                counts[s.type.rawValue, default: 0] += 1
                var page: Int? = c.pageStart
                if let lines {
                    let line = lines.lineIndex(at: s.span.start)
                    page = line < c.bodyLinePages.count ? c.bodyLinePages[line] : nil
                } else if name.hasPrefix("quoted") {
                    page = nil
                }
                records.append(
                    RedactionRecord(
                        communicationID: c.id, field: name, page: page, type: s.type, ruleID: s.ruleID,
                        original: ns.substring(with: s.span.nsRange), placeholder: s.placeholder,
                        confidence: (s.confidence * 1000).rounded() / 1000))
            }
            return Redactor.replace(text, spans)
        }
        var header = c.header
        header.from = apply(c.header.from, .party, "header.from")
        header.to = c.header.to.enumerated().map { apply($1, .party, "header.to[\($0)]") ?? $1 }
        header.cc = c.header.cc.enumerated().map { apply($1, .party, "header.cc[\($0)]") ?? $1 }
        header.bcc = c.header.bcc.enumerated().map { apply($1, .party, "header.bcc[\($0)]") ?? $1 }
        header.subject = apply(c.header.subject, .subject, "header.subject")
        header.attachments = c.header.attachments.enumerated().map {
            apply($1, .attachment, "header.attachments[\($0)]") ?? $1
        }
        header.sentAsPrinted = apply(c.header.sentAsPrinted, .body, "header.sent_as_printed")
        header.importance = apply(c.header.importance, .body, "header.importance")
        let quoted = c.quoted.enumerated().map { i, q in
            QuotedHeader(
                from: apply(q.from, .party, "quoted[\(i)].from"), sent: q.sent,
                subject: apply(q.subject, .subject, "quoted[\(i)].subject"))
        }
        let body = apply(c.body, .body, "body") ?? ""
        // A Bates number is page furniture the segmenter picked from the margin; if what it
        // picked is an identifier after all, it is audited and published as null (the
        // contract's field holds a Bates number or null, never a placeholder).
        var source = c
        source.batesStart = c.batesStart.flatMap { apply($0, .body, "source.bates_start") == $0 ? $0 : nil }
        source.batesEnd = c.batesEnd.flatMap { apply($0, .body, "source.bates_end") == $0 ? $0 : nil }
        var redactedClassification = classification
        if let classification {
            let known = records.map { (Redactor.collapsed($0.original), $0.placeholder) }.filter { !$0.0.isEmpty }
                .sorted { $0.0.count > $1.0.count }
            redactedClassification?.offenses = classification.offenses.map { o in
                var o = o
                var text = o.evidence
                for (original, placeholder) in known {
                    text = text.replacingOccurrences(of: original, with: placeholder, options: [.caseInsensitive])
                    text = Redactor.redactCutEdges(text, original: original, placeholder: placeholder)
                }
                let spans = resolver.resolve(text, field: .body)
                o.evidence = spans.isEmpty ? text : Redactor.replace(text, spans)
                return o
            }
        }
        let redacted = RedactedCommunication(
            from: source, header: header, quoted: quoted, body: body, redactions: counts,
            classification: redactedClassification)
        return RedactionResult(communication: redacted, records: records)
    }

    /// A snippet cut out of a longer text (`…5, 1977, China) — …`) may start with the end of
    /// a redacted string or end with its beginning; that piece is replaced too, since even a
    /// part of a date of birth or a name must not be published.
    static func redactCutEdges(_ text: String, original: String, placeholder: String) -> String {
        let ellipsis = "…"
        var text = text
        let minimum = 3
        guard original.count > minimum else { return text }
        if text.hasPrefix(ellipsis) {
            let rest = text.dropFirst()
            for k in stride(from: original.count - 1, through: minimum, by: -1) {
                let piece = original.suffix(k)
                if rest.lowercased().hasPrefix(piece.lowercased()) {
                    text = ellipsis + placeholder + rest.dropFirst(k)
                    break
                }
            }
        }
        if text.hasSuffix(ellipsis) {
            let rest = text.dropLast()
            for k in stride(from: original.count - 1, through: minimum, by: -1) {
                let piece = original.prefix(k)
                if rest.lowercased().hasSuffix(piece.lowercased()) {
                    text = rest.dropLast(k) + placeholder + ellipsis
                    break
                }
            }
        }
        return text
    }

    /// Whitespace runs (line breaks included) as one space, as evidence snippets print text.
    static func collapsed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Replaces spans with their placeholders, keeping the line breaks a span covered so that
    /// the text keeps its line count (and `bodyLinePages` stays right).
    static func replace(_ text: String, _ spans: [ResolvedSpan]) -> String {
        let ns = text as NSString
        var out = ""
        var cursor = 0
        for s in spans.sorted(by: { $0.span < $1.span }) where s.span.start >= cursor {
            out += ns.substring(with: NSRange(location: cursor, length: s.span.start - cursor))
            out += s.placeholder
            let covered = ns.substring(with: s.span.nsRange)
            out += String(repeating: "\n", count: covered.filter { $0 == "\n" }.count)
            cursor = s.span.end
        }
        out += ns.substring(from: cursor)
        return out
    }

    /// The free-text fields of a communication, with how to read each and its audit name.
    static func fields(of c: Communication) -> [(String, FieldKind, String)] {
        var out: [(String, FieldKind, String)] = []
        if let v = c.header.from { out.append((v, .party, "header.from")) }
        for (i, v) in c.header.to.enumerated() { out.append((v, .party, "header.to[\(i)]")) }
        for (i, v) in c.header.cc.enumerated() { out.append((v, .party, "header.cc[\(i)]")) }
        for (i, v) in c.header.bcc.enumerated() { out.append((v, .party, "header.bcc[\(i)]")) }
        if let v = c.header.subject { out.append((v, .subject, "header.subject")) }
        for (i, v) in c.header.attachments.enumerated() { out.append((v, .attachment, "header.attachments[\(i)]")) }
        for (i, q) in c.quoted.enumerated() {
            if let v = q.from { out.append((v, .party, "quoted[\(i)].from")) }
            if let v = q.subject { out.append((v, .subject, "quoted[\(i)].subject")) }
        }
        out.append((c.body, .body, "body"))
        return out
    }
}

/// A document's registry ready for the redact pass (`Redactor.scope(_:)`): made once per
/// document and shared by its communications and pages.
public struct RedactionScope: Sendable {
    let resolver: Resolver
    var registry: EntityRegistry { resolver.registry }
}
