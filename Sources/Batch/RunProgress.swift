/// The stages of a run, as a progress display names them.
public enum RunPhase: Sendable, Equatable {
    /// Hashing the input files to find what changed.
    case hashing(files: Int)
    /// Reading the documents not already in the store; `bytes` is their total size, from which
    /// the pages of files not yet opened are estimated.
    case extracting(documents: Int, bytes: Int64)
    /// Rebuilding the private outputs from the store.
    case writing(documents: Int)
    /// Redacting and publishing each document.
    case redacting(documents: Int)
}

/// Receives a run's progress; called from worker threads, so it must be thread-safe.
///
/// Batch only reports events; showing them (a bar on a terminal, lines in a log) is the
/// command line's business.
public protocol RunProgress: Sendable {
    func begin(_ phase: RunPhase)
    /// One hashed file, written document or redacted document.
    func itemDone()
    /// A document to read was opened: its page count and file size.
    func documentOpened(pages: Int, bytes: Int64)
    /// A page was read (`reused`: taken from the store of an interrupted run).
    func pageDone(ocr: Bool, reused: Bool)
    /// The run is over; clear the display.
    func finish()
}
