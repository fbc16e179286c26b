/// Per-offense counts, as the contract's `counts.csv` fixes them.
///
/// Rows are (category, level) pairs; `communications` counts communications listing the
/// offense, leaving out duplicates; `with_detainer` those of them with a detainer. The last
/// row, `ALL,ALL,N,M`, counts all communications (duplicates left out) and those with a
/// detainer. The table holds no text from the documents, so it is safe to publish as is.
public struct CountsTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var category: String
        public var level: String
        public var communications: Int
        public var withDetainer: Int
    }

    /// What counting needs of one communication.
    public struct Entry: Sendable {
        public var offenses: [(category: String, level: String)]
        public var detainer: Bool
        public var isDuplicate: Bool

        public init(offenses: [(category: String, level: String)], detainer: Bool, isDuplicate: Bool) {
            self.offenses = offenses
            self.detainer = detainer
            self.isDuplicate = isDuplicate
        }
    }

    public private(set) var rows: [Row] = []
    public private(set) var total = 0
    public private(set) var totalWithDetainer = 0
    /// Communications whose worst offense is a felony, a misdemeanor, civil, of unknown level.
    public private(set) var bySeverity: [String: (communications: Int, withDetainer: Int)] = [:]

    public static func == (a: CountsTable, b: CountsTable) -> Bool {
        a.rows == b.rows && a.total == b.total && a.totalWithDetainer == b.totalWithDetainer
    }

    public init(_ entries: [Entry]) {
        var counts: [String: [String: (Int, Int)]] = [:]
        for e in entries where !e.isDuplicate {
            total += 1
            if e.detainer { totalWithDetainer += 1 }
            var seen = Set<String>()
            for o in e.offenses where seen.insert(o.category + "\u{0}" + o.level).inserted {
                var c = counts[o.category, default: [:]][o.level, default: (0, 0)]
                c.0 += 1
                if e.detainer { c.1 += 1 }
                counts[o.category, default: [:]][o.level] = c
            }
            let levels = Set(e.offenses.map(\.level))
            let severity = ["felony", "misdemeanor", "civil", "unknown"].first { levels.contains($0) } ?? "none"
            var s = bySeverity[severity] ?? (0, 0)
            s.communications += 1
            if e.detainer { s.withDetainer += 1 }
            bySeverity[severity] = s
        }
        for category in counts.keys.sorted() {
            for (level, c) in (counts[category] ?? [:]).sorted(by: { $0.key < $1.key }) {
                rows.append(Row(category: category, level: level, communications: c.0, withDetainer: c.1))
            }
        }
    }

    public var csv: String {
        var out = "category,level,communications,with_detainer\n"
        for r in rows { out += "\(r.category),\(r.level),\(r.communications),\(r.withDetainer)\n" }
        out += "ALL,ALL,\(total),\(totalWithDetainer)\n"
        return out
    }

    public var json: String {
        var j = JSONText()
        j.beginObject()
        j.key("offenses")
        j.beginArray()
        for r in rows {
            j.beginObject()
            j.field("category", r.category)
            j.field("level", r.level)
            j.field("communications", r.communications)
            j.field("with_detainer", r.withDetainer)
            j.endObject()
        }
        j.endArray()
        j.key("by_severity")
        j.beginObject()
        for level in ["felony", "misdemeanor", "civil", "unknown", "none"] {
            let s = bySeverity[level] ?? (0, 0)
            j.key(level)
            j.beginObject()
            j.field("communications", s.communications)
            j.field("with_detainer", s.withDetainer)
            j.endObject()
        }
        j.endObject()
        j.field("communications", total)
        j.field("with_detainer", totalWithDetainer)
        j.endObject()
        return j.text + "\n"
    }

    /// A table to paste into a story draft.
    public var markdown: String {
        var out = "| offense | level | communications | with a detainer |\n|---|---|---:|---:|\n"
        for r in rows {
            out += "| \(r.category.replacingOccurrences(of: "_", with: " ")) | \(r.level) | \(r.communications) | \(r.withDetainer) |\n"
        }
        out += "\n| most serious offense | communications | with a detainer |\n|---|---:|---:|\n"
        for level in ["felony", "misdemeanor", "civil", "unknown", "none"] {
            let s = bySeverity[level] ?? (0, 0)
            out += "| \(level == "none" ? "no offense" : level) | \(s.communications) | \(s.withDetainer) |\n"
        }
        out += "| **all** | **\(total)** | **\(totalWithDetainer)** |\n"
        out += "\nDuplicates (the same message printed twice in the release) are counted once.\n"
        return out
    }
}
