import LeakSearch
/// What `verify` found: every leak and every structural problem, and what was checked.
///
/// Lines name the leaked string by its type, rule and placeholder, never by its text, so the
/// report itself can be pasted into a ticket or a CI log without leaking again.
public struct VerificationReport: Sendable {
    public var leaks: [Leak] = []
    public var problems: [Problem] = []
    /// Distinct audited strings searched for.
    public var originalsSearched = 0
    /// Distinct audited strings not searched: fewer than `minimumCharacters` letters and digits.
    public var originalsSkipped = 0
    public var filesChecked = 0
    public var pdfPages = 0
    public var pagesOCRed = 0
    public var ocr = true
    /// Hits of strings whose redaction the reviewer removed in that document: not leaks.
    public var intended = 0

    /// Letters and digits an original needs to be searched for.
    public static let minimumCharacters = AuditIndex.minimumCharacters

    /// True when nothing audited was found and nothing unverifiable is published.
    public var isClean: Bool { leaks.isEmpty && problems.isEmpty }

    /// One human-readable line per leak and problem, in file order, then a summary line.
    public var lines: [String] {
        leaks.map(\.reportLine) + problems.map(\.reportLine) + [summary]
    }

    public var summary: String {
        var s = isClean ? "clean: " : "NOT CLEAN: \(leaks.count) leak(s), \(problems.count) problem(s); "
        s += "\(originalsSearched) audited string(s) searched in \(filesChecked) public file(s), \(pdfPages) PDF page(s)"
        s += ocr ? ", \(pagesOCRed) OCRed" : ", OCR skipped (images not checked)"
        if originalsSkipped > 0 {
            s += "; \(originalsSkipped) audited string(s) shorter than \(Self.minimumCharacters) letters/digits not searched"
        }
        if intended > 0 { s += "; \(intended) string(s) published as the reviewer decided (decisions.jsonl)" }
        return s
    }
}

/// One audited original found under `public/`.
public struct Leak: Sendable, Hashable {
    /// How the original was found in the file.
    public enum Method: String, Sendable, Hashable {
        case json
        case text
        case textLayer = "text layer"
        case ocr = "OCR"
        case metadata
        case bytes
        case fileName = "file name"
    }

    /// The audit record it was redacted under (the first, when several share the string).
    public var audit: AuditEntry
    /// Further audit records with the same string.
    public var otherRecords: Int
    /// The public file, relative to `public/`.
    public var file: String
    public var page: Int?
    public var line: Int?
    /// JSON field path (`body`, `header.to[1]`) or metadata field (`title`).
    public var field: String?
    public var method: Method
    /// The form it was printed in (`exact`, `reversed`, `surname alone` …).
    public var form: LeakForm
    /// The form's name, as the report prints it.
    public var route: String { form.rawValue }

    /// Where in the file, as words.
    public var location: String {
        var parts = [file]
        if let page { parts.append("page \(page)") }
        if let line { parts.append("line \(line)") }
        if let field { parts.append("field \(field)") }
        return parts.joined(separator: " ")
    }

    var reportLine: String {
        var origin = audit.type
        if let rule = audit.rule { origin += " (rule \(rule))" }
        if let placeholder = audit.placeholder { origin += " \(placeholder)" }
        var audited = audit.path ?? "?"
        if let page = audit.page { audited += " p.\(page)" }
        if otherRecords > 0 { audited += " and \(otherRecords) more" }
        return "LEAK \(origin) redacted in \(audited): found in \(location) by \(method.rawValue) (\(form.rawValue))"
    }
}

/// Something published that cannot be proved clean, or that must not be published at all.
public struct Problem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case annotation
        case attachment
        case formField = "form field"
        case javascript
        case xmpMetadata = "XMP metadata"
        case incrementalUpdate = "incremental update"
        case unreadable
        case binaryFile = "binary file"
        case invalidJSON = "invalid JSON"
        case ocrFailed = "OCR failed"
        /// A file no run publishes (a key, notes, an export) under `public/`.
        case unpublishedFile = "unpublished file"
        /// A page the reviewer withheld whole still shows an image or text besides the notice.
        case withheldPageShown = "withheld page shown"
    }

    public var kind: Kind
    public var file: String
    public var page: Int?
    public var detail: String

    var reportLine: String {
        "PROBLEM \(kind.rawValue) in \(file)\(page.map { " page \($0)" } ?? ""): \(detail)"
    }
}
