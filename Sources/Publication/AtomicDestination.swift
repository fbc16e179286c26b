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

    /// The longest file name most file systems take (`NAME_MAX`), in bytes.
    static let nameMax = 255

    /// Makes the destination's folder (and its parents) and picks the temporary name.
    init(path: String) throws(PublicationError) {
        let url = URL(fileURLWithPath: path)
        guard !url.lastPathComponent.isEmpty, !path.hasSuffix("/") else {
            throw PublicationError(.cannotWrite, "destination '\(path)' is a folder; give a file path ending in .pdf")
        }
        let folder = url.deletingLastPathComponent()
        try Self.makeFolders(folder.path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw PublicationError(.cannotWrite, "destination '\(path)' is a folder; remove it or choose another path")
        }
        self.path = url.path
        temporaryPath = folder.appendingPathComponent(Self.temporaryName(for: url.lastPathComponent)).path
    }

    /// `.NAME.tmp-PID-UUID`, with NAME cut (at a character boundary) so the whole stays within
    /// `nameMax` bytes: a legal 239-byte file name must not fail for its temporary name.
    /// `OutputCleanup` finds these by the leading dot and `.tmp-`.
    static func temporaryName(for name: String) -> String {
        let suffix = ".tmp-\(getpid())-\(UUID().uuidString)"
        let room = nameMax - 1 - suffix.utf8.count
        var kept = Substring(name)
        while kept.utf8.count > room { kept = kept.dropLast() }
        return "." + kept + suffix
    }

    /// `mkdir -p`, with the failing call's `errno` kept (a full disk, a read-only volume).
    static func makeFolders(_ folder: String) throws(PublicationError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolders(parent) }
        if mkdir(folder, 0o777) != 0, errno != EEXIST {
            throw PublicationError.writing(folder, errno: errno, "cannot create the folder")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw PublicationError(
                .cannotWrite, "cannot create the folder '\(folder)': a file of that name is in the way")
        }
    }

    /// Moves the finished file into place, replacing an earlier copy.
    func commit() throws(PublicationError) {
        guard rename(temporaryPath, path) == 0 else {
            let error = PublicationError.writing(path, errno: errno, "cannot move the redacted PDF into place at")
            discard()
            throw error
        }
    }

    /// Removes the temporary file of a failed write.
    func discard() {
        unlink(temporaryPath)
    }
}
