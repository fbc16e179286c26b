import LeakSearch
/// A target found somewhere in one public file, before it is tied to its audit records.
struct Finding: Sendable, Hashable {
    var target: Int
    var form: LeakForm
    var page: Int?
    var line: Int?
    var field: String?
    var method: Leak.Method

    static func from(
        _ hits: [LeakHit], method: Leak.Method, page: Int? = nil, line: Int? = nil, field: String? = nil
    ) -> [Finding] {
        hits.map { Finding(target: $0.target, form: $0.form, page: page, line: line, field: field, method: method) }
    }
}

/// What checking one public file gave.
struct FileResult: Sendable {
    var findings: [Finding] = []
    var problems: [Problem] = []
    var pdfPages = 0
    /// For PDFs: whether OCR should read it.
    var hasImagePages = false
}
