/// A PDF to process, and the path it is published under.
public struct InputDocument: Sendable, Hashable {
    /// Where the file is on disk.
    public var path: String
    /// The path relative to its input root (`REL.pdf` in the contract), used in every output.
    public var relativePath: String

    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }
}

/// One document's extracted pages, or why it could not be read.
public struct ExtractedDocument: Sendable {
    public var input: InputDocument
    /// Hex SHA-256 of the input file.
    public var sha256: String
    /// Pages in order; a page that failed is left out and named in `errors`.
    public var pages: [PageText]
    /// Page-level failures (the rest of the document is still read).
    public var errors: [DocumentError]
    /// Set when the document could not be opened at all.
    public var failure: DocumentError?

    public init(
        input: InputDocument, sha256: String, pages: [PageText], errors: [DocumentError] = [],
        failure: DocumentError? = nil
    ) {
        self.input = input
        self.sha256 = sha256
        self.pages = pages
        self.errors = errors
        self.failure = failure
    }
}
