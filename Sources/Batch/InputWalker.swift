import FoiaCore
import Foundation

/// A problem with the command line's inputs, reported before anything is written (exit 2).
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Finds the PDFs named on the command line.
public enum InputWalker {
    /// Files are taken as they are; folders are searched recursively for `*.pdf` in any case.
    ///
    /// Each file's published path is relative to the input it was found under (a file given
    /// directly is published under its own name). The result is sorted by that path, so the
    /// order never depends on the file system.
    public static func documents(_ inputs: [String]) throws(UsageError) -> [InputDocument] {
        var found: [InputDocument] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else {
                throw UsageError("input not found: '\(input)'")
            }
            let root = URL(fileURLWithPath: input).standardizedFileURL
            if !isDir.boolValue {
                found.append(InputDocument(path: root.path, relativePath: root.lastPathComponent))
                continue
            }
            // The enumerator lists nothing under a folder given as a symbolic link (a folder of
            // links made for a benchmark, say), and the run then read nothing without a word:
            // its target is walked, and files keep the paths under the name given.
            guard let walker = fm.enumerator(atPath: root.resolvingSymlinksInPath().path) else {
                throw UsageError("cannot read folder '\(input)'")
            }
            for case let rel as String in walker where rel.lowercased().hasSuffix(".pdf") {
                let full = root.appendingPathComponent(rel).path
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
                    found.append(InputDocument(path: full, relativePath: rel))
                }
            }
        }
        found.sort { ($0.relativePath, $0.path) < ($1.relativePath, $1.path) }
        var seen = Set<String>()
        return found.filter { seen.insert($0.path).inserted }
    }
}
