import FoiaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        /// The source PDF has no pages.
        case noPages
        /// The destination folder or file cannot be created or written (permissions, other causes).
        case cannotWrite
        /// The destination path is longer than its file system allows.
        case nameTooLong
        /// No space left (disk, quota or file size limit) while writing the copy.
        case diskFull
        /// The destination is on a read-only file system.
        case readOnly
        /// The writer was given a setting it cannot work with (a resolution out of range).
        case badSetting
    }

    public var code: Code
    public var message: String
    /// The underlying library's text (poppler's GError message, cairo's status, errno text).
    public var cause: String?
    /// Why the source could not be opened (`encrypted`, `damaged`, `notFound` …), for `cannotOpenSource`.
    public var sourceCode: DocumentError.Code?

    public init(_ code: Code, _ message: String, cause: String? = nil, sourceCode: DocumentError.Code? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
        self.sourceCode = sourceCode
    }

    public var description: String {
        if let cause, !cause.isEmpty { return "\(message) (\(cause))" }
        return message
    }

    /// A failed system call on `path` while writing the copy, by what its `errno` means to
    /// the user: a full disk, a read-only volume and a name too long each say what to do.
    static func writing(_ path: String, errno number: Int32, _ what: String) -> PublicationError {
        let cause = String(cString: strerror(number))
        switch number {
        case ENOSPC, EDQUOT, EFBIG:
            return PublicationError(
                .diskFull, "\(what) '\(path)': the disk is full; free space (or raise the quota) and run again",
                cause: cause)
        case EROFS:
            return PublicationError(
                .readOnly, "\(what) '\(path)': the output folder is on a read-only volume; choose a writable --out",
                cause: cause)
        case ENAMETOOLONG:
            return PublicationError(
                .nameTooLong,
                "\(what) '\(path)': the path is longer than the file system allows; choose a shorter --out or rename the input",
                cause: cause)
        case EACCES, EPERM:
            return PublicationError(
                .cannotWrite, "\(what) '\(path)': permission denied; check the permissions of the --out folder",
                cause: cause)
        default:
            return PublicationError(.cannotWrite, "\(what) '\(path)'", cause: cause)
        }
    }

    /// The same failure as a per-document error of the `publish` stage, for `errors.jsonl`.
    public var documentError: DocumentError {
        let code: DocumentError.Code =
            switch self.code {
            case .cannotOpenSource: sourceCode ?? .unreadable
            case .pageMismatch: .pageMismatch
            case .cannotRender: .cannotRender
            case .noPages: .noPages
            case .nameTooLong: .nameTooLong
            case .diskFull: .diskFull
            case .readOnly: .readOnly
            case .cannotWrite: .writeFailed
            case .badSetting: .badSetting
            }
        return DocumentError(code, stage: .publish, message, cause: cause)
    }
}
