/// A needle found somewhere in one public file, before it is tied to its audit records.
struct Finding: Sendable, Hashable {
    var needle: Int
    var route: LeakMatcher.Route
    var page: Int?
    var line: Int?
    var field: String?
    var method: Leak.Method

    static func from(
        _ hits: [LeakMatcher.Hit], method: Leak.Method, page: Int? = nil, line: Int? = nil, field: String? = nil
    ) -> [Finding] {
        hits.map { Finding(needle: $0.needle, route: $0.route, page: page, line: line, field: field, method: method) }
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
