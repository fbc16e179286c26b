import LeakSearch
/// The audit log turned into one `LeakTarget` per distinct searchable string, with the records
/// behind each, so a name redacted five hundred times is searched once.
///
/// Originals with fewer than four letters and digits are skipped (and counted in the report):
/// "Li" or "Ng" is found inside ordinary text everywhere, so searching for them would only cry
/// wolf; the name they belong to is usually audited in full as well. A target's documents are
/// those its records were redacted in: its surname alone is looked for there only.
struct AuditIndex: Sendable {
    let matcher: LeakMatcher
    /// Audit records per target, in audit order.
    let records: [[AuditEntry]]
    /// Distinct originals too short to search.
    let skipped: Int

    static let minimumCharacters = 4

    /// Letters and digits in an original.
    static func significantCharacters(_ original: String) -> Int {
        original.unicodeScalars.filter { TextTokens.isDigit($0) || $0.properties.isAlphabetic }.count
    }

    init(entries: [AuditEntry], commonWords: CommonWords) {
        var targets: [LeakTarget] = []
        var records: [[AuditEntry]] = []
        var byKey: [String: Int] = [:]
        var skipped = Set<String>()
        for entry in entries {
            guard AuditIndex.significantCharacters(entry.original) >= AuditIndex.minimumCharacters else {
                skipped.insert(TextTokens.fold(entry.original))
                continue
            }
            let key = entry.type + "\u{0}" + TextTokens.fold(entry.original)
            if let i = byKey[key] {
                records[i].append(entry)
                if let path = entry.path { targets[i].documents?.insert(path) }
            } else {
                byKey[key] = targets.count
                targets.append(
                    LeakTarget(text: entry.original, type: entry.type, documents: Set([entry.path].compactMap { $0 })))
                records.append([entry])
            }
        }
        matcher = LeakMatcher(targets, commonWords: commonWords)
        self.records = records
        self.skipped = skipped.count
    }
}
