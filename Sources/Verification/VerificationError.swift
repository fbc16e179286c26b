/// Why a folder could not be verified at all (the CLI exits 2): nothing was proved either way.
public enum VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `DIR/private/audit.jsonl` is missing.
    case missingAudit(path: String)
    /// `DIR/public` is missing.
    case missingPublic(path: String)
    case unreadable(path: String)
    case badAuditLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingAudit(let path):
            "no redaction audit at '\(path)'; verify needs the DIR that 'foiapipe run --out DIR' wrote, with its private/ folder (copy it back if it was moved away before publishing)"
        case .missingPublic(let path):
            "no public folder at '\(path)'; give verify the DIR that 'foiapipe run --out DIR' wrote"
        case .unreadable(let path):
            "cannot read '\(path)'; check its permissions"
        case .badAuditLine(let path, let line, let reason):
            "\(path):\(line): \(reason); the audit log is damaged, so nothing can be proved clean: rerun 'foiapipe run' to rewrite it"
        }
    }
}
