import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `DIR/private`: unredacted records, the audit, the run store and the pseudonym key.
///
/// The folder is 0700 and every file in it 0600 whatever the umask: `AtomicFile` and the run
/// store create their files so, and `lock(_:)` (at the start and the end of every run) puts
/// right any other file there, including those of older runs and SQLite's `-wal`/`-shm`.
public enum PrivateFolder {
    /// Creates the folder if needed and takes every permission from group and others.
    public static func lock(_ folder: String) throws(FileWriteError) {
        // The output folder above keeps the umask's permissions; only `private/` is closed.
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        } catch {
            let number = mkdir(parent, 0o777) == 0 ? 0 : errno
            throw FileWriteError(
                path: parent, errno: number == 0 || number == EEXIST ? ENOTDIR : number, "cannot create")
        }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw FileWriteError(path: folder, errno: errno, "cannot create")
        }
        guard chmod(folder, 0o700) == 0 else { throw FileWriteError(path: folder, errno: errno, "cannot restrict") }
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        for case let rel as String in walker {
            let path = folder + "/" + rel
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: _ = chmod(path, 0o700)
            case S_IFREG: _ = chmod(path, 0o600)
            default: break
            }
        }
    }
}
