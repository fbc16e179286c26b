/// Counts of communications grouped by any of month, offense category, offense level and
/// detainer (`foiapipe counts DIR --by …`, the report, the database's facets).
///
/// The rules are `counts.csv`'s: duplicates are left out; grouped by category or level, a
/// communication counts once in each distinct group its offenses fall in, and one without
/// offenses in none; the total row counts every communication. Grouped by category and
/// level, the rows are exactly `counts.csv`'s. Each row keeps the ids of the communications
/// behind it, so a published number can point to them.
public struct CountsBreakdown: Sendable {
    public enum Dimension: String, Sendable, CaseIterable {
        case month, category, level, detainer
    }

    /// What counting needs of one communication: no text from the documents.
    public struct Entry: Sendable {
        public var id: String
        /// `YYYY-MM` of `header.sent` as printed (its own offset), nil when undated.
        public var month: String?
        public var offenses: [(category: String, level: String)]
        public var detainer: Bool
        public var isDuplicate: Bool

        public init(
            id: String, month: String?, offenses: [(category: String, level: String)], detainer: Bool, isDuplicate: Bool
        ) {
            self.id = id
            self.month = month
            self.offenses = offenses
            self.detainer = detainer
            self.isDuplicate = isDuplicate
        }

        /// `felony`, `misdemeanor`, `civil`, `unknown` or `none`, as the contract's `severity`.
        public var severity: String {
            let levels = Set(offenses.map(\.level))
            return CountsBreakdown.severityOrder.first { levels.contains($0) } ?? "none"
        }
    }

    public struct Row: Sendable, Equatable {
        /// One value per dimension, in the order asked for.
        public var key: [String]
        public var communications: Int { ids.count }
        public var withDetainer: Int { detainerIDs.count }
        /// Ids of the communications counted, in input order.
        public var ids: [String]
        public var detainerIDs: [String]
    }

    public static let severityOrder = ["felony", "misdemeanor", "civil", "unknown"]
    /// What a missing month is called in a key.
    public static let undated = "undated"

    public let dimensions: [Dimension]
    public private(set) var rows: [Row] = []
    /// Every communication counted (duplicates left out), and those with a detainer.
    public private(set) var ids: [String] = []
    public private(set) var detainerIDs: [String] = []
    public var total: Int { ids.count }
    public var totalWithDetainer: Int { detainerIDs.count }

    public init(_ entries: [Entry], by dimensions: [Dimension]) {
        var seenDimension = Set<Dimension>()
        self.dimensions = dimensions.filter { seenDimension.insert($0).inserted }
        var index: [[String]: Int] = [:]
        let perOffense = self.dimensions.contains(.category) || self.dimensions.contains(.level)
        for e in entries where !e.isDuplicate {
            ids.append(e.id)
            if e.detainer { detainerIDs.append(e.id) }
            var keys: [[String]] = []
            var seen = Set<[String]>()
            let sources: [(category: String, level: String)?] = perOffense ? e.offenses.map { $0 } : [nil]
            for offense in sources {
                let key = self.dimensions.map { d -> String in
                    switch d {
                    case .month: return e.month ?? Self.undated
                    case .category: return offense?.category ?? ""
                    case .level: return offense?.level ?? ""
                    case .detainer: return e.detainer ? "true" : "false"
                    }
                }
                if seen.insert(key).inserted { keys.append(key) }
            }
            for key in keys {
                let i: Int
                if let known = index[key] {
                    i = known
                } else {
                    i = rows.count
                    index[key] = i
                    rows.append(Row(key: key, ids: [], detainerIDs: []))
                }
                rows[i].ids.append(e.id)
                if e.detainer { rows[i].detainerIDs.append(e.id) }
            }
        }
        rows.sort { a, b in a.key.lexicographicallyPrecedes(b.key) }
    }

    /// The month (`YYYY-MM`) of an ISO 8601 `sent` value, nil when there is none.
    public static func month(ofSent sent: String?) -> String? {
        guard let sent else { return nil }
        let u = Array(sent.utf8.prefix(7))
        guard u.count == 7, u[4] == UInt8(ascii: "-"),
            u.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) })
        else { return nil }
        return String(decoding: u, as: UTF8.self)
    }

    private var columnNames: [String] { dimensions.map(\.rawValue) + ["communications", "with_detainer"] }

    /// Columns: the dimensions in the order asked for, `communications`, `with_detainer`; a last
    /// row of `ALL` gives the totals. By category and level it is `counts.csv` byte for byte.
    public var csv: String {
        var out = columnNames.joined(separator: ",") + "\n"
        for r in rows {
            out +=
                (r.key.map(Self.csvField) + ["\(r.communications)", "\(r.withDetainer)"]).joined(separator: ",") + "\n"
        }
        out += (dimensions.map { _ in "ALL" } + ["\(total)", "\(totalWithDetainer)"]).joined(separator: ",") + "\n"
        return out
    }

    public var json: String {
        var j = JSONText()
        j.beginObject()
        j.key("by")
        j.beginArray()
        for d in dimensions { j.string(d.rawValue) }
        j.endArray()
        j.key("rows")
        j.beginArray()
        for r in rows {
            j.beginObject()
            for (d, v) in zip(dimensions, r.key) {
                if d == .detainer { j.field(d.rawValue, v == "true") } else { j.field(d.rawValue, v) }
            }
            j.field("communications", r.communications)
            j.field("with_detainer", r.withDetainer)
            j.endObject()
        }
        j.endArray()
        j.field("communications", total)
        j.field("with_detainer", totalWithDetainer)
        j.endObject()
        return j.text + "\n"
    }

    public var markdown: String {
        let titles = dimensions.map { d -> String in
            switch d {
            case .month: return "month"
            case .category: return "offense"
            case .level: return "level"
            case .detainer: return "detainer"
            }
        }
        var out = "| " + (titles + ["communications", "with a detainer"]).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: dimensions.count) + "---:|---:|\n"
        for r in rows {
            let cells = zip(dimensions, r.key).map { d, v -> String in
                switch d {
                case .category: return v.replacingOccurrences(of: "_", with: " ")
                case .detainer: return v == "true" ? "yes" : "no"
                default: return v
                }
            }
            out += "| " + (cells + ["\(r.communications)", "\(r.withDetainer)"]).joined(separator: " | ") + " |\n"
        }
        out +=
            "| "
            + (dimensions.map { _ in "**all**" } + ["**\(total)**", "**\(totalWithDetainer)**"]).joined(
                separator: " | ") + " |\n"
        out += "\nDuplicates (the same message printed twice in the release) are counted once"
        if dimensions.contains(.category) || dimensions.contains(.level) {
            out +=
                "; a communication counts once in each group its offenses fall in, and one without offenses only in the total"
        }
        out += ".\n"
        return out
    }

    private static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
