import FoiaCore
import Foundation

/// Runs every rule over one text and applies the keep rules of the allowlist.
///
/// This is the registry-free half of redaction: what the rules find in the text alone. The
/// detect pass feeds its names into the `EntityRegistry`; the redact pass adds what the
/// registry knows (`Resolver`).
struct TextScanner: Sendable {
    let rules: PIIRules
    /// Where the detect pass leaves its scans for the redact pass (nil: every scan is fresh).
    var memo: ScanMemo?

    /// A scan for the detect pass, kept in the memo for the redact pass.
    func scanKeeping(_ text: String, field: FieldKind, roles: [LineRole] = []) -> (TextScan, ScanContext) {
        let (scan, ctx) = self.scan(text, field: field, roles: roles)
        memo?.keep(text, field, scan, signatureLines: ctx.signatureLines)
        return (scan, ctx)
    }

    /// A scan for the redact pass: the detect pass's if kept, else made now.
    func scanTaking(_ text: String, field: FieldKind, roles: [LineRole] = []) -> (TextScan, ScanContext) {
        guard let kept = memo?.take(text, field) else { return scan(text, field: field, roles: roles) }
        var ctx = ScanContext(text, field: field, rules: rules, roles: roles)
        ctx.signatureLines = kept.signatureLines
        return (kept.scan, ctx)
    }

    /// - Parameter roles: segmentation's role of each line of a body or page (see `ScanContext`).
    func scan(_ text: String, field: FieldKind, roles: [LineRole] = []) -> (TextScan, ScanContext) {
        var ctx = ScanContext(text, field: field, rules: rules, roles: roles)
        var scan = TextScan()
        let officialNames = OfficialNames.find(ctx)
        ctx.signatureLines = officialNames.signatureLines
        scan.officials = officialNames.officials

        var identifiers: [Finding] = []
        for rule in rules.patterns where !rule.privateContext { identifiers += rule.findings(in: ctx.lines) }
        identifiers = identifiers.filter { keep($0, ctx, &scan) == false }

        let partyRule = rules.names.first { $0.kind == .partyName }
        let party = PartyNameRule.scan(partyRule, ctx)
        scan.officials += party.officials
        var names = party.findings
        for rule in rules.names {
            switch rule.kind {
            case .partyName: continue
            case .labelledName: names += LabelledNameRule.findings(rule, ctx)
            case .honorificName: names += HonorificNameRule.findings(rule, ctx)
            case .lastFirstName: names += LastFirstNameRule.findings(rule, ctx, identifiers: identifiers)
            case .nameBeforeLabel: names += NameBeforeLabelRule.findings(rule, ctx)
            case .subjectName: names += SubjectNameRule.findings(rule, ctx)
            case .proseName: names += ProseNameRule.findings(rule, ctx)
            }
        }
        // A name inside an address (`120 Broadway, Chelsea`) is a street and a town.
        let addresses = identifiers.filter { $0.type == .address }.map(\.span) + scan.kept
        names.removeAll { n in addresses.contains { $0.overlaps(n.span) } }
        scan.findings = identifiers + names
        return (scan, ctx)
    }

    /// Whether an identifier is an official's and stays: agency e-mail, agency phone or an
    /// office line in a signature, agency or court address.
    private func keep(_ f: Finding, _ ctx: ScanContext, _ scan: inout TextScan) -> Bool {
        let o = rules.officials
        let printed = ctx.string(f.span)
        let line = ctx.lineOf(offset: f.span.start)
        var kept = false
        switch f.type {
        case .email:
            let domain = String(printed.split(separator: "@").last ?? "")
            kept = o.domainKind(domain) == .agency
        case .phone:
            kept = o.isAgencyPhone(printed) || (ctx.signatureLines.contains(line) && isContactLine(line, f.span, ctx))
        case .address:
            kept = o.isAgencyAddress(printed) || ctx.signatureLines.contains(line) || hasAgencyBefore(f.span, line, ctx)
        default:
            kept = false
        }
        if kept { scan.kept.append(f.span) }
        return kept
    }

    /// A line that is only a number with a short label (`Cell: 781-260-3715`, `617-704-2660 (office)`).
    private func isContactLine(_ index: Int, _ span: TextSpan, _ ctx: ScanContext) -> Bool {
        let line = ctx.lines.lines[index]
        let before = ctx.ns.substring(with: NSRange(location: line.contentStart, length: max(0, span.start - line.contentStart)))
        let after = ctx.ns.substring(with: NSRange(location: span.end, length: max(0, line.span.end - span.end)))
        let words = (before + " " + after).split(whereSeparator: { $0 == " " || $0 == "\t" }).filter {
            $0.contains(where: \.isLetter)
        }
        return words.count <= 4
    }

    /// An address printed right after an agency or court name, on its line or on the line
    /// above that holds only the name (`Dorchester District Court, 510 Washington Street`).
    private func hasAgencyBefore(_ span: TextSpan, _ index: Int, _ ctx: ScanContext) -> Bool {
        let o = rules.officials
        let line = ctx.lines.lines[index]
        let before = ctx.ns.substring(with: NSRange(location: line.contentStart, length: max(0, span.start - line.contentStart)))
        if Officials.has(o.agencyAtEnd, before) { return true }
        let bare = before.trimmingCharacters(in: CharacterSet(charactersIn: " \t([,:-"))
        if bare.isEmpty, index > 0 {
            // The line above ends with the agency; it holds only that name, or the address is
            // set in brackets after it (`… at Chelsea District Court` / `(120 Broadway, …)`).
            let previous = ctx.lines.lines[index - 1]
            let bracketed = before.contains("(")
            return (bracketed || (previous.wordCount <= 6 && !previous.content.contains(where: \.isNumber)))
                && Officials.has(o.agencyAtEnd, previous.content)
                && !OfficialNames.privateData.isMatch(in: previous.content)
        }
        return false
    }
}
