import Foundation

/// One communication as a run wrote it (a line of `communications.jsonl`).
package struct PredictedCommunication: Sendable {
    /// 1-based line in the file it came from.
    package var line: Int
    /// `email` or `document`.
    package var kind: String?
    package var path: String
    package var pageStart: Int
    package var pageEnd: Int
    package var from: String?
    package var to: [String]
    package var sent: String?
    package var subject: String?
    /// Nil when the record has no `detainer` object (the classifier has not written it).
    package var detainer: TruthDetainer?
    /// Nil when the record has no `offenses` list.
    package var offenses: [TruthOffense]?
    package var severity: String?
    package var isDuplicate: Bool
    /// Every published string of the record with its key path, for the leak search.
    package var strings: [(path: String, value: String)]

    package init(
        line: Int, kind: String? = "email", path: String, pageStart: Int, pageEnd: Int, from: String? = nil,
        to: [String] = [],
        sent: String? = nil, subject: String? = nil, detainer: TruthDetainer? = nil, offenses: [TruthOffense]? = nil,
        severity: String? = nil, isDuplicate: Bool = false, strings: [(path: String, value: String)] = []
    ) {
        self.line = line
        self.kind = kind
        self.path = path
        self.pageStart = pageStart
        self.pageEnd = pageEnd
        self.from = from
        self.to = to
        self.sent = sent
        self.subject = subject
        self.detainer = detainer
        self.offenses = offenses
        self.severity = severity
        self.isDuplicate = isDuplicate
        self.strings = strings
    }
}

/// The communications of a run, as read from `public/` or `private/communications.jsonl`.
///
/// Which file each metric reads is decided in `Evaluator`; the leak and over-redaction
/// metrics never read the private one.
package struct OutputRecords: Sendable {
    /// The file read, relative to the output folder (`public/communications.jsonl`).
    package var file: String
    package var isPublic: Bool
    package var records: [PredictedCommunication]

    package init(file: String, isPublic: Bool, records: [PredictedCommunication]) {
        self.file = file
        self.isPublic = isPublic
        self.records = records
    }

    package static let publicFile = "public/communications.jsonl"
    package static let privateFile = "private/communications.jsonl"

    /// Keys whose values are identifiers or hashes, not text: a digit sequence in a SHA-256
    /// is not a leaked date of birth.
    static let machineKeys: Set<String> = ["id", "sha256", "duplicate_of"]

    /// Reads one of the two files; nil when it does not exist.
    ///
    /// - Throws: `EvaluationError` naming file and line when a line is not a JSON object or
    ///   lacks `source.path`, `source.page_start` or `source.page_end`.
    package static func load(outputFolder: String, isPublic: Bool) throws -> OutputRecords? {
        let relative = isPublic ? publicFile : privateFile
        let path = (outputFolder as NSString).appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError("\(path): cannot read the file; check its permissions")
        }
        let records = try parse(String(decoding: data, as: UTF8.self), file: path, keepStrings: isPublic)
        return OutputRecords(file: relative, isPublic: isPublic, records: records)
    }

    /// Parses JSON lines; blank lines are skipped.
    package static func parse(_ text: String, file: String, keepStrings: Bool) throws -> [PredictedCommunication] {
        let decoder = JSONDecoder()
        var records: [PredictedCommunication] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let place = "\(file):\(index + 1)"
            guard let value = try? decoder.decode(JSONValue.self, from: Data(line.utf8)), case .object = value else {
                throw EvaluationError("\(place): not a JSON object; each line must be one communication (CONTRACT.md)")
            }
            records.append(try record(value, line: index + 1, place: place, keepStrings: keepStrings))
        }
        return records
    }

    static func record(_ r: JSONValue, line: Int, place: String, keepStrings: Bool) throws -> PredictedCommunication {
        let source = r["source"]
        guard let path = source?["path"]?.string, let start = source?["page_start"]?.int,
            let end = source?["page_end"]?.int
        else {
            throw EvaluationError(
                "\(place): source.path, source.page_start and source.page_end are required (CONTRACT.md)")
        }
        let header = r["header"]
        var detainer: TruthDetainer?
        if let present = r["detainer"]?["present"]?.bool {
            detainer = TruthDetainer(present: present, forms: r["detainer"]?["forms"]?.strings ?? [])
        }
        var offenses: [TruthOffense]?
        if case .array(let list)? = r["offenses"] {
            offenses = list.compactMap { o in
                o["category"]?.string.map {
                    TruthOffense(category: $0, level: o["level"]?.string, status: o["status"]?.string)
                }
            }
        }
        return PredictedCommunication(
            line: line, kind: r["kind"]?.string, path: path, pageStart: start, pageEnd: end,
            from: header?["from"]?.string, to: header?["to"]?.strings ?? [],
            sent: header?["sent"]?.string, subject: header?["subject"]?.string,
            detainer: detainer, offenses: offenses, severity: r["severity"]?.string,
            isDuplicate: !(r["duplicate_of"]?.isNull ?? true),
            strings: keepStrings ? searchable(r.stringValues(skipping: machineKeys)) : [])
    }

    /// A `sent` value is a machine timestamp (`2018-05-12T11:04:00-04:00`): its date is what
    /// the printout said and is searched, its time and offset are not ("11-04:00" is no
    /// date of birth 11/4/2000).
    static func searchable(_ values: [(path: String, value: String)]) -> [(path: String, value: String)] {
        values.map { v in
            guard v.path == "sent" || v.path.hasSuffix(".sent"), let t = v.value.firstIndex(of: "T") else { return v }
            return (v.path, String(v.value[..<t]))
        }
    }
}
