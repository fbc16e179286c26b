import Foundation

/// Every truth file under a folder, checked before anything is scored.
///
/// The folder may be a dump folder with `X.truth.json` beside each `X.pdf` (as `SampleDocs/`)
/// or a folder of labels only (as `shared/realdocs/labels`); both are searched recursively.
package struct TruthSet: Sendable {
    package var folder: String
    package var documents: [TruthDocument]

    package init(folder: String, documents: [TruthDocument]) {
        self.folder = folder
        self.documents = documents.sorted { $0.path < $1.path }
    }

    package var communicationCount: Int { documents.reduce(0) { $0 + $1.communications.count } }

    /// Loads and validates every `*.truth.json` under `folder`.
    ///
    /// - Throws: `EvaluationError` naming the file and the key when the folder is missing,
    ///   holds no truth file, or a file is unreadable, not JSON, or breaks the format.
    package static func load(folder: String) throws -> TruthSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EvaluationError(
                "truth folder '\(folder)' does not exist; pass --truth DIR, a folder of *.truth.json files")
        }
        let files = truthFiles(in: folder)
        guard !files.isEmpty else {
            throw EvaluationError("no *.truth.json files under '\(folder)'; pass the folder the truth generator wrote")
        }
        var documents: [TruthDocument] = []
        var fileForPath: [String: String] = [:]
        for file in files {
            let document = try load(file: file)
            if let earlier = fileForPath[document.path] {
                throw EvaluationError(
                    "\(file): path '\(document.path)' is already described by \(earlier); keep one truth file per PDF")
            }
            fileForPath[document.path] = file
            documents.append(document)
        }
        return TruthSet(folder: folder, documents: documents)
    }

    /// Reads one truth file.
    package static func load(file: String) throws -> TruthDocument {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EvaluationError("\(file): cannot read the file; check that it exists and is readable")
        }
        var document: TruthDocument
        do {
            document = try JSONDecoder().decode(TruthDocument.self, from: data)
        } catch let error as DecodingError {
            throw EvaluationError("\(file): \(describe(error))")
        } catch {
            throw EvaluationError("\(file): not valid JSON (\(error.localizedDescription))")
        }
        document.file = file
        if let problem = problem(in: document) {
            throw EvaluationError("\(file): \(problem)")
        }
        return document
    }

    /// The first broken rule of the truth format, or nil when the document is sound.
    static func problem(in document: TruthDocument) -> String? {
        if document.path.isEmpty { return "path: must name the PDF, relative to the dump root" }
        for (i, c) in document.communications.enumerated() {
            let key = "communications[\(i)]"
            if c.pageStart < 1 { return "\(key).page_start: \(c.pageStart) is not a 1-based page number" }
            if c.pageEnd < c.pageStart {
                return "\(key).page_end: \(c.pageEnd) is before page_start \(c.pageStart)"
            }
            if let pages = document.pages, c.pageEnd > pages {
                return "\(key).page_end: \(c.pageEnd) is past the document's \(pages) pages"
            }
            if case .labelled(let sent?) = c.sent, SentTime(iso: sent) == nil {
                return "\(key).sent: '\(sent)' is not ISO 8601 (YYYY-MM-DDTHH:MM[:SS][±HH:MM])"
            }
        }
        for (i, p) in (document.pii ?? []).enumerated() where p.text.trimmingCharacters(in: .whitespaces).isEmpty {
            return "pii[\(i)].text: empty; every PII entry needs the string as printed"
        }
        return nil
    }

    static func truthFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.lowercased().hasSuffix(".truth.json") {
                found.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    /// A decoding error as `key.path: what was wrong`, the way a labeller can act on it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += (out.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return out.isEmpty ? "(top level)" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : path(context.codingPath) + "."
            return "\(parent)\(key.stringValue): required key is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(describe(type)), found null"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            return context.codingPath.isEmpty
                ? "not valid JSON\(underlying)" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: "\(type)"
        }
    }
}
