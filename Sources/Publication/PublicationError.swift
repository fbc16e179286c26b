import FoiaCore

/// Why a redacted copy could not be written, with what the user can do about it.
///
/// Nothing is left at the destination when this is thrown: the copy is written under a
/// temporary name and renamed only when complete, so a failed document never leaves a
/// half-written (and possibly unredacted-looking) file under `public/`.
public struct PublicationError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The source PDF cannot be opened (missing, damaged, encrypted).
        case cannotOpenSource
        /// The redacted pages do not fit the source (numbers out of range, repeated, other sizes).
        case pageMismatch
        /// A page could not be rendered, so it cannot be published safely.
        case cannotRender
        /// The destination folder or file cannot be created or written.
        case cannotWrite
        /// The writer was given a setting it cannot work with (a resolution out of range).
        case badSetting
    }

    public var code: Code
    public var message: String
    /// The underlying library's text (poppler's GError message, cairo's status, errno text).
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause, !cause.isEmpty { return "\(message) (\(cause))" }
        return message
    }

    /// The same failure as a per-document error of the `publish` stage, for `errors.jsonl`.
    public var documentError: DocumentError {
        let code: DocumentError.Code =
            switch self.code {
            case .cannotOpenSource: .unreadable
            case .pageMismatch, .cannotRender: .pageFailed
            case .cannotWrite, .badSetting: .writeFailed
            }
        return DocumentError(code, stage: .publish, message, cause: cause)
    }
}
