/// The stage a document failed in; the `stage` field of `errors.jsonl`.
public enum StageName: String, Sendable, Codable {
    case extract
    case redact
    case publish
}

/// A failure confined to one document: it is written to `errors.jsonl` and the batch goes on.
///
/// `message` says what happened and what the user can do about it, in one line, because it
/// is what a data editor reads in `errors.jsonl` at the end of an overnight run.
public struct DocumentError: Error, Sendable, Codable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        case notFound
        case unreadable
        case empty
        case notPDF
        case encrypted
        case damaged
        case pageFailed
        case ocrFailed
        /// The extractor process died of a signal (a crash in poppler or tesseract) on this
        /// document or page; the batch went on without it.
        case extractorCrashed
        case writeFailed
        /// The PDF has no pages, so there is no copy to publish.
        case noPages
        /// A published path is longer than the output folder's file system allows.
        case nameTooLong
        /// The output folder's disk (or quota, or file size limit) is full.
        case diskFull
        /// The output folder is on a read-only file system.
        case readOnly
        /// A page could not be rendered for its publication copy.
        case cannotRender
        /// The redacted pages do not fit the source PDF (it was replaced after extraction).
        case pageMismatch
        /// The publication writer was given a setting it cannot use (a resolution out of range).
        case badSetting
    }

    public var code: Code
    public var stage: StageName
    public var message: String
    /// The underlying library's own text (poppler's GError message, errno text), if any.
    public var cause: String?

    public init(_ code: Code, stage: StageName, _ message: String, cause: String? = nil) {
        self.code = code
        self.stage = stage
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause, !cause.isEmpty { return "\(message) (\(cause))" }
        return message
    }
}
