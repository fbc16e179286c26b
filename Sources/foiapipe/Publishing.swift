import Batch
import FoiaCore
import Publication
import Redaction

/// The redacted-PDF writer the run hands to the batch: cairo through `RedactedPDFWriter`,
/// at the resolution the speed target is set for (150 dpi keeps burned-in boxes and
/// the page legible while costing a quarter of 300 dpi's pixels).
enum Publishing {
    static let writer = RedactedPDFWriter(dpi: 150)

    /// Writes one copy; a `PublicationError` becomes the document's `errors.jsonl` line with its code.
    static let publisher: @Sendable (String, [RedactedPage], String) throws(DocumentError) -> Void = {
        (source: String, pages: [RedactedPage], destination: String) throws(DocumentError) in
        do throws(PublicationError) {
            try writer.write(source: source, pages: pages, to: destination)
        } catch {
            throw error.documentError
        }
    }
}
