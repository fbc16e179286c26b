import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A destination written under a temporary name in its own folder and renamed when complete.
///
/// The rename is atomic within one file system, which is why the temporary file sits beside
/// the destination: a killed run leaves the previous copy or the new one, never a partial file.
struct AtomicDestination {
    let path: String
    let temporaryPath: String

    /// Makes the destination's folder (and its parents) and picks the temporary name.
    init(path: String) throws(PublicationError) {
        let url = URL(fileURLWithPath: path)
        guard !url.lastPathComponent.isEmpty, !path.hasSuffix("/") else {
            throw PublicationError(.cannotWrite, "destination '\(path)' is a folder; give a file path ending in .pdf")
        }
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PublicationError(
                .cannotWrite, "cannot create folder '\(folder.path)'; check the --out path and its permissions",
                cause: "\(error.localizedDescription)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw PublicationError(.cannotWrite, "destination '\(path)' is a folder; remove it or choose another path")
        }
        self.path = url.path
        temporaryPath = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)")
            .path
    }

    /// Moves the finished file into place, replacing an earlier copy.
    func commit() throws(PublicationError) {
        guard rename(temporaryPath, path) == 0 else {
            let cause = String(cString: strerror(errno))
            discard()
            throw PublicationError(.cannotWrite, "cannot move the redacted PDF into place at '\(path)'", cause: cause)
        }
    }

    /// Removes the temporary file of a failed write.
    func discard() {
        unlink(temporaryPath)
    }
}
