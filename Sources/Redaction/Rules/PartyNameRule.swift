import Foundation
import TextPatterns

/// Senders and recipients: `From`/`To`/`Cc`/`Bcc` values and `On …, X <x@y> wrote:` lines.
///
/// Catches: the display name of an address at a webmail domain (`Maria Pereira
/// <mpereira77@gmail.com>`, `Jian Zhang <jian_zhang9 @icloud.com>`), a private person writing
/// to the police; at a domain that is neither an agency's nor webmail, the name is redacted
/// with `unknown_domain_confidence`, for review.
///
/// Leaves alone, as officials: names at agency domains (`"Kelly, Sean"
/// <sean.kelly@pd.boston.gov>`), names tagged with an agency (`Greene, Erin (ICE)`), and
/// names printed without an address (the mailbox owners and their colleagues, `Flaherty,
/// Robert`), unless the registry knows the name as a private person's.
///
/// Example: `From: Jian Zhang <jian_zhang9@icloud.com>` → `From: [PERSON-9C41] <[EMAIL]>`.
enum PartyNameRule {
    static let email = try! TextPattern(
        pattern:
            #"[A-Za-z0-9_%+\-]+(?:[ ]?\.[ ]?[A-Za-z0-9_%+\-]+)*[ ]?@[ ]?[A-Za-z0-9\-]+(?:[ ]?\.[ ]?[A-Za-z0-9\-]+)*"#)
    static let agencyTag = try! TextPattern(pattern: #"\(\s*[A-Z][A-Za-z]{1,9}\s*\)"#)

    struct Result {
        var findings: [Finding] = []
        var officials: [OfficialHit] = []
    }

    /// The value spans of the party lines of a text (or the whole text for a party field).
    static func valueSpans(_ ctx: ScanContext) -> [TextSpan] {
        if ctx.field == .party { return [TextSpan(0, ctx.ns.length)] }
        return ctx.partyLines.sorted().map { ctx.valueSpan(ofLine: $0) }
    }

    static func scan(_ rule: NameRule?, _ ctx: ScanContext) -> Result {
        var result = Result()
        for span in valueSpans(ctx) { scan(span, rule, ctx, into: &result) }
        return result
    }

    private static func scan(_ value: TextSpan, _ rule: NameRule?, _ ctx: ScanContext, into result: inout Result) {
        let officials = ctx.rules.officials
        var cursor = value.start
        let emails = ctx.matches(email, in: value).filter { m in
            // A real address has a dot in its domain.
            let s = ctx.ns.substring(with: m.range)
            return s.split(separator: "@").last?.contains(".") ?? false
        }
        for m in emails {
            let address = ctx.ns.substring(with: m.range)
            let domain = String(address.split(separator: "@").last ?? "")
            // The display name ends before `<`, `[mailto:` or the address itself.
            var nameEnd = m.range.location
            let before = ctx.ns.substring(with: NSRange(location: cursor, length: nameEnd - cursor))
            if let r = before.range(of: "[mailto:", options: .backwards) ?? before.range(of: "<", options: .backwards)
                ?? before.range(of: "[", options: .backwards)
            {
                nameEnd = cursor + (String(before[..<r.lowerBound]) as NSString).length
            }
            if let t = ctx.token(endingAtOrBefore: nameEnd), ctx.tokens[t].span.start >= cursor,
                let name = ctx.parser.name(endingAt: t, .strong)
            {
                classify(name, domain: domain, rule: rule, ctx: ctx, into: &result, officials: officials)
            }
            cursor = m.range.location + m.range.length
            // Skip the closing bracket and separators.
            while cursor < value.end, let c = Unicode.Scalar(ctx.ns.character(at: cursor)), ">]) ,;\"".unicodeScalars.contains(c) {
                cursor += 1
            }
        }
        // Parties without an address, separated by semicolons.
        guard cursor < value.end else { return }
        let rest = ctx.ns.substring(with: NSRange(location: cursor, length: value.end - cursor))
        var offset = cursor
        for part in rest.components(separatedBy: ";") {
            let length = (part as NSString).length
            defer { offset += length + 1 }
            let partSpan = TextSpan(offset, offset + length)
            guard let t = ctx.token(atOrAfter: partSpan.start), ctx.tokens[t].span.end <= partSpan.end else { continue }
            var index = t
            while index < ctx.tokens.count, ctx.tokens[index].span.end <= partSpan.end {
                if let name = ctx.parser.name(at: index, .strong) {
                    let tagged = agencyTag.firstMatch(in: ctx.ns, range: partSpan.nsRange) != nil
                    result.officials.append(
                        OfficialHit(
                            span: name.span, name: name.name, strength: tagged ? 0.8 : 0.6,
                            reason: tagged ? "header party with an agency tag" : "header party without an address"))
                    break
                }
                index += 1
            }
        }
    }

    private static func classify(
        _ name: NameMatch, domain: String, rule: NameRule?, ctx: ScanContext, into result: inout Result,
        officials: Officials
    ) {
        switch officials.domainKind(domain) {
        case .agency:
            result.officials.append(OfficialHit(span: name.span, name: name.name, strength: 0.95, reason: "agency e-mail"))
        case .webmail:
            if let rule { result.findings.append(rule.finding(name)) }
        case .unknown:
            if let rule { result.findings.append(rule.finding(name, confidence: rule.unknownDomainConfidence)) }
        }
    }
}
