import FoiaCore
import Foundation

/// A problem with the command line's inputs, reported before anything is written (exit 2).
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The PDFs of a run, and which of them were renamed to keep published paths apart.
public struct FoundInputs: Sendable {
    /// Sorted by published (relative) path.
    public var documents: [InputDocument]
    /// Published paths given the input folder's name as a prefix, because another input holds
    /// a file at the same relative path; the run summary lists them.
    public var renamed: [String]
}

/// Finds the PDFs named on the command line.
public enum InputWalker {
    /// Files are taken as they are; folders are searched recursively for `*.pdf` in any case.
    ///
    /// Each file's published path is relative to the input it was found under (a file given
    /// directly is published under its own name). When two inputs hold the same relative path
    /// (`run a/ b/`, each with `doc.pdf`), both are published under their input folder's name
    /// (`a/doc.pdf`, `b/doc.pdf`), so that neither copy overwrites the other. The result is
    /// sorted by that path, so the order never depends on the file system.
    ///
    /// - Parameter output: the run's output folder; refused when it is inside an input (the
    ///   run would read its own published PDFs back) or holds one.
    /// - Throws: `UsageError` for a missing input, a folder with no PDF, or an output folder
    ///   that overlaps an input.
    public static func find(_ inputs: [String], output: String? = nil) throws(UsageError) -> FoundInputs {
        var found: [(document: InputDocument, root: String)] = []
        let fm = FileManager.default
        let outputReal = output.map(realPath)
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                throw UsageError("input not found: '\(input)'")
            }
            let root = URL(fileURLWithPath: input).standardizedFileURL
            if let output, let outputReal {
                let inputReal = realPath(input)
                if isDir.boolValue && (outputReal == inputReal || outputReal.hasPrefix(inputReal + "/")) {
                    throw UsageError(
                        "the output folder '\(output)' is inside the input '\(input)', so a run would read its own "
                            + "published PDFs back; choose an --out outside every input")
                }
                if inputReal == outputReal || inputReal.hasPrefix(outputReal + "/") {
                    throw UsageError(
                        "the input '\(input)' is inside the output folder '\(output)'; choose an --out that holds no input"
                    )
                }
            }
            if !isDir.boolValue {
                found.append(
                    (
                        InputDocument(path: root.path, relativePath: root.lastPathComponent),
                        root.deletingLastPathComponent().path
                    ))
                continue
            }
            // The enumerator lists nothing under a folder given as a symbolic link (a folder of
            // links made for a benchmark, say), and the run then read nothing without a word:
            // its target is walked, and files keep the paths under the name given.
            guard let walker = fm.enumerator(atPath: root.resolvingSymlinksInPath().path) else {
                throw UsageError("cannot read folder '\(input)'")
            }
            let before = found.count
            for case let rel as String in walker where rel.lowercased().hasSuffix(".pdf") {
                let full = root.appendingPathComponent(rel).path
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
                    found.append((InputDocument(path: full, relativePath: rel), root.path))
                }
            }
            if found.count == before {
                throw UsageError("no PDF in the input folder '\(input)' (searched recursively for *.pdf in any case)")
            }
        }
        found.sort { ($0.document.relativePath, $0.document.path) < ($1.document.relativePath, $1.document.path) }
        var seen = Set<String>()
        found = found.filter { seen.insert($0.document.path).inserted }
        return FoundInputs(unique: found)
    }

    /// The documents of `find`, for callers that need no more.
    public static func documents(_ inputs: [String]) throws(UsageError) -> [InputDocument] {
        try find(inputs).documents
    }

    /// The path with symbolic links resolved; for a path that does not exist yet, its nearest
    /// existing folder resolved and the rest appended.
    static func realPath(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url = url.deletingLastPathComponent()
        }
        var real = url.resolvingSymlinksInPath().path
        for part in rest { real = (real as NSString).appendingPathComponent(part) }
        return real
    }
}

extension FoundInputs {
    /// Gives every relative path shared by files of different inputs its input folder's name
    /// (or, when two input folders share a name too, the folder's whole path).
    init(unique found: [(document: InputDocument, root: String)]) {
        let counts = Dictionary(found.map { ($0.document.relativePath, 1) }, uniquingKeysWith: +)
        var documents = found.map { item -> InputDocument in
            guard counts[item.document.relativePath, default: 0] > 1 else { return item.document }
            let name = (item.root as NSString).lastPathComponent
            return InputDocument(path: item.document.path, relativePath: name + "/" + item.document.relativePath)
        }
        let prefixed = Dictionary(documents.map { ($0.relativePath, 1) }, uniquingKeysWith: +)
        for (i, item) in found.enumerated() where prefixed[documents[i].relativePath, default: 0] > 1 {
            let root = item.root.hasPrefix("/") ? String(item.root.dropFirst()) : item.root
            documents[i] = InputDocument(
                path: item.document.path, relativePath: root + "/" + item.document.relativePath)
        }
        renamed = zip(found, documents).filter { $0.0.document.relativePath != $0.1.relativePath }.map(\.1.relativePath)
            .sorted()
        self.documents = documents.sorted { ($0.relativePath, $0.path) < ($1.relativePath, $1.path) }
    }
}
