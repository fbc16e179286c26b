/// The audit log turned into one needle per distinct searchable string, with the records
/// behind each, so a name redacted five hundred times is searched once.
struct AuditIndex: Sendable {
    let matcher: LeakMatcher
    /// Audit records per needle, in audit order.
    let records: [[AuditEntry]]
    /// Distinct originals too short to search.
    let skipped: Int

    init(entries: [AuditEntry], commonWords: Set<String>) {
        var needles: [Needle] = []
        var records: [[AuditEntry]] = []
        var byKey: [String: Int] = [:]
        var skipped = Set<String>()
        for entry in entries {
            guard let needle = Needle(original: entry.original, type: entry.type, commonWords: commonWords) else {
                skipped.insert(TextTokens.fold(entry.original))
                continue
            }
            if let i = byKey[needle.key] {
                records[i].append(entry)
            } else {
                byKey[needle.key] = needles.count
                needles.append(needle)
                records.append([entry])
            }
        }
        matcher = LeakMatcher(needles)
        self.records = records
        self.skipped = skipped.count
    }
}
