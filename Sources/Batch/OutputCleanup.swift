import Foundation

/// Removes what does not belong in an output folder after a run.
enum OutputCleanup {
    /// Temporary files (`.NAME.tmp-…`) of a run that was killed before renaming them.
    static func removeTemporaryFiles(in folders: [String]) {
        let fm = FileManager.default
        for folder in folders {
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") && name.contains(".tmp-") {
                try? fm.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Redacted PDFs of files that are no longer among the inputs, so the folder holds
    /// exactly the current dump (and temporary files a killed run left in subfolders).
    static func removeUnlisted(redactedUnder folder: String, keep: Set<String>) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return }
        for case let rel as String in walker {
            let full = folder + "/" + rel
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            let name = (rel as NSString).lastPathComponent
            if !keep.contains(rel) || (name.hasPrefix(".") && name.contains(".tmp-")) { try? fm.removeItem(atPath: full) }
        }
    }
}
