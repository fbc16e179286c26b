import FoiaCore
import Foundation
import Rules

/// What a stored result was made with, so that a re-run reuses it only when nothing that
/// shaped it has changed.
///
/// Pages depend only on the extraction settings and the word list; a document's
/// segmentation, classification and detected persons also depend on every rule file and on
/// the foiapipe build. Changing a PII or offense rule therefore re-runs the fast per-document
/// stages on the stored pages, but never OCR again.
public struct RunFingerprint: Sendable, Equatable {
    /// Extraction settings and the word list's content.
    public var pages: String
    /// The pipeline file and every file beside it (offense, detainer and PII rules).
    public var rules: String
    /// The running executable's content.
    public var build: String
    /// All three: what a document's pass-1 result is valid for.
    public var documents: String { sha256Hex(of: "documents-v1\n" + pages + "\n" + rules + "\n" + build) }

    public init(pages: String, rules: String, build: String) {
        self.pages = pages
        self.rules = rules
        self.build = build
    }

    /// The fingerprint of the running binary with this pipeline.
    public static func current(_ pipeline: PipelineConfig) -> RunFingerprint {
        let extraction = pipeline.extraction
        let pages = sha256Hex(
            of: "pages-v\(StoredPage.version)\n\(extraction)\n" + (sha256Hex(ofFile: extraction.dictionary) ?? "no word list"))
        return RunFingerprint(pages: pages, rules: rulesDigest(pipeline.path), build: buildDigest())
    }

    /// Every file under the pipeline's folder (rule files are found beside it), by relative path.
    static func rulesDigest(_ pipelinePath: String) -> String {
        let root = URL(fileURLWithPath: pipelinePath).deletingLastPathComponent().standardizedFileURL.path
        var lines = ["pipeline " + (sha256Hex(ofFile: pipelinePath) ?? "missing")]
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
        for rel in files {
            var isDir: ObjCBool = false
            let full = root + "/" + rel
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            lines.append(rel + " " + (sha256Hex(ofFile: full) ?? "unreadable"))
        }
        return sha256Hex(of: lines.joined(separator: "\n"))
    }

    /// A new build may segment or classify differently, so its results are not reused.
    static func buildDigest() -> String {
        let exe = Bundle.main.executablePath ?? CommandLine.arguments[0]
        return sha256Hex(ofFile: "/proc/self/exe") ?? sha256Hex(ofFile: exe) ?? exe
    }
}
