import FoiaTestSupport
import Foundation
import Testing

/// Issue 16 item 6: one PDF layer. poppler is called from `Sources/Poppler` only, and the
/// modules that only hash (FoiaCore, Redaction) do not import poppler's module at all.
@Suite struct PackageShapeTests {
    /// Swift files under `Sources/`, by path relative to the repository, with their text.
    func sources() throws -> [(path: String, text: String)] {
        let root = Fixtures.repositoryRoot.appendingPathComponent("Sources").path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
            ("Sources/" + $0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8))
        }
    }

    @Test func popplerIsCalledFromThePopplerModuleOnly() throws {
        let callers = try sources().filter { $0.text.contains("poppler_") && !$0.path.hasPrefix("Sources/Poppler/") }
        #expect(callers.map(\.path) == [], "poppler called outside Sources/Poppler")
    }

    @Test func hashingDoesNotGoThroughPoppler() throws {
        let importers = try sources().filter {
            ($0.path.hasPrefix("Sources/FoiaCore/") || $0.path.hasPrefix("Sources/Redaction/"))
                && $0.text.contains("import CPoppler")
        }
        #expect(importers.map(\.path) == [])
    }
}
