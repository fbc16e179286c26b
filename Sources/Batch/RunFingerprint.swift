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
    ///
    /// The linker's build ID names the build (a hash of its contents, the same on every
    /// machine a binary is copied to, as shards need); hashing the 17 MB executable instead
    /// took 55 ms of every run's serial start. Without a build ID the file is hashed.
    static func buildDigest() -> String {
        if let id = ELFBuildID.read(path: "/proc/self/exe") { return "build-id " + id }
        let exe = Bundle.main.executablePath ?? CommandLine.arguments[0]
        return sha256Hex(ofFile: "/proc/self/exe") ?? sha256Hex(ofFile: exe) ?? exe
    }
}

/// The GNU build ID note of a 64-bit little-endian ELF file, as hex.
public enum ELFBuildID {
    public static func read(path: String) -> String? {
        guard let fh = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? fh.close() }
        func bytes(at offset: UInt64, count: Int) -> [UInt8]? {
            guard (try? fh.seek(toOffset: offset)) != nil, let d = try? fh.read(upToCount: count), d.count == count
            else { return nil }
            return [UInt8](d)
        }
        func int(_ b: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) }
        }
        // ELF magic, 64-bit class, little-endian.
        guard let header = bytes(at: 0, count: 64), header[0..<4] == [0x7f, 0x45, 0x4c, 0x46], header[4] == 2,
            header[5] == 1
        else { return nil }
        let phoff = int(header, 32, 8)
        let phentsize = Int(int(header, 54, 2))
        let phnum = Int(int(header, 56, 2))
        guard phentsize >= 56, phnum > 0, phnum < 256, let table = bytes(at: phoff, count: phentsize * phnum) else {
            return nil
        }
        for i in 0..<phnum {
            let entry = i * phentsize
            guard int(table, entry, 4) == 4 else { continue }  // PT_NOTE
            let offset = int(table, entry + 8, 8)
            let size = Int(int(table, entry + 32, 8))
            guard size > 0, size < 1 << 16, let notes = bytes(at: offset, count: size) else { continue }
            var at = 0
            while at + 12 <= notes.count {
                let nameSize = Int(int(notes, at, 4))
                let descSize = Int(int(notes, at + 4, 4))
                let type = int(notes, at + 8, 4)
                let name = at + 12
                let desc = name + (nameSize + 3) / 4 * 4
                guard desc + descSize <= notes.count else { break }
                // NT_GNU_BUILD_ID, owner "GNU\0".
                if type == 3, nameSize == 4, notes[name..<(name + 4)] == [0x47, 0x4e, 0x55, 0], descSize >= 8 {
                    return notes[desc..<(desc + descSize)].map { String(format: "%02x", $0) }.joined()
                }
                at = desc + (descSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
