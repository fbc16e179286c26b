import FoiaCore
import Foundation
import Redaction
import RunStore

/// One document's pass-1 result as the run store keeps it, in one row.
///
/// Communications are stored before duplicates are marked: whether a message repeats an
/// earlier one depends on the whole dump's order, so marks are made when the outputs are
/// rebuilt. Errors are kept as their `errors.jsonl` lines.
struct StoredDocument: Codable, Sendable {
    var sha256: String
    /// Pages read, and those of them read by OCR.
    var pages: Int
    var ocrPages: Int
    /// The document could not be opened at all.
    var failed: Bool
    var errorLines: [String]
    var communications: [Communication]
    /// One per communication, same order.
    var classifications: [Classification]
    var registry: EntityRegistry

    /// Complete results are reused by later runs; a document with a failed page is read
    /// again (its stored pages are kept), so a transient failure heals on a re-run.
    var isComplete: Bool { !failed && errorLines.isEmpty }

    func encoded() throws -> Data { try JSONEncoder().encode(self) }

    static func load(_ key: InputKey, from store: RunStore) throws(BatchError) -> StoredDocument? {
        let data: Data?
        do {
            data = try store.document(key)
        } catch {
            throw .store(error)
        }
        guard let data else { return nil }
        do {
            return try JSONDecoder().decode(StoredDocument.self, from: data)
        } catch {
            throw .store(
                StoreError(
                    path: store.path, "the stored result of \(key.rel) cannot be read; delete the store to start over",
                    cause: "\(error)"))
        }
    }
}
