import Output
import Redaction

/// What the run knows about the dump as a whole: numbers only, no text from the documents.
public struct CorpusFacts: Sendable, Equatable {
    public var documents: Int
    public var failedDocuments: Int
    public var pages: Int
    public var ocrPages: Int

    public init(documents: Int, failedDocuments: Int, pages: Int, ocrPages: Int) {
        self.documents = documents
        self.failedDocuments = failedDocuments
        self.pages = pages
        self.ocrPages = ocrPages
    }
}

/// What the report counts of one published communication: ids, file and page numbers, and
/// the classification's vocabulary; no free text. Made only from a `RedactedCommunication`.
struct CountedRecord: Sendable {
    var id: String
    var path: String
    var pageStart: Int
    var pageEnd: Int
    var kind: String
    var entry: CountsBreakdown.Entry
    var redactions: [String: Int]
    var duplicateOf: String?

    init(_ r: RedactedCommunication) {
        id = r.id
        path = r.path
        pageStart = r.pageStart
        pageEnd = r.pageEnd
        kind = r.kind.rawValue
        entry = CountsBreakdown.Entry(
            id: r.id, month: CountsBreakdown.month(ofSent: r.header.sent),
            offenses: (r.classification?.offenses ?? []).map { ($0.category, $0.level) },
            detainer: r.classification?.detainer.present ?? false, isDuplicate: r.duplicateOf != nil)
        redactions = r.redactions
        duplicateOf = r.duplicateOf
    }
}
