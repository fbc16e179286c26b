import Foundation

#if canImport(Glibc)
    import Glibc

    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let systemWrite = Darwin.write
#endif

/// A file written under a temporary name and renamed into place when complete.
///
/// A killed run leaves either the previous file or the new one, never half of one.
///
/// A file is as private as its folder: it gets the folder's read and write bits (a file in
/// `private/`, which is 0700, is 0600 whatever the umask; one in a 0755 `public/` is 0644),
/// so an unredacted file is never readable by other users, not even for the moment before
/// it is renamed.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private let fd: Int32
    private var isOpen = true
    private var buffer: [UInt8] = []

    public init(path: String) throws(FileWriteError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            // FileManager's error hides errno; try the folder itself for it.
            let number = mkdir(dir, 0o777) == 0 ? 0 : errno
            throw FileWriteError(
                path: dir, errno: number == 0 || number == EEXIST ? ENOTDIR : number, "cannot create the folder")
        }
        temporaryPath = dir + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno, "cannot create") }
        var folder = stat()
        let folderMode = stat(dir, &folder) == 0 ? folder.st_mode & 0o777 : 0o700
        guard fchmod(fd, (folderMode & 0o666) | 0o600) == 0 else {
            let error = FileWriteError(path: path, errno: errno, "cannot set the permissions of")
            close(fd)
            unlink(temporaryPath)
            throw error
        }
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if isOpen { close(fd) }
    }

    public func write(_ s: String) throws(FileWriteError) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { try drain() }
    }

    /// Writes one JSON-lines record.
    public func writeLine(_ s: String) throws(FileWriteError) {
        try write(s)
        try write("\n")
    }

    private func drain() throws(FileWriteError) {
        var done = 0
        let failure: Int32 = buffer.withUnsafeBytes { bytes in
            while done < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return 0
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw FileWriteError(path: path, errno: failure, "cannot write") }
    }

    /// Flushes to disk and renames into place.
    public func commit() throws(FileWriteError) {
        try drain()
        if fsync(fd) != 0, errno != EINVAL { throw FileWriteError(path: path, errno: errno, "cannot write") }
        isOpen = false
        if close(fd) != 0 { throw FileWriteError(path: path, errno: errno, "cannot write") }
        if rename(temporaryPath, path) != 0 {
            throw FileWriteError(path: path, errno: errno, "cannot move into place")
        }
    }

    /// Drops the temporary file (the previous file at `path`, if any, is untouched).
    public func discard() {
        if isOpen {
            isOpen = false
            close(fd)
        }
        unlink(temporaryPath)
    }
}

/// A failed write of an output file, with the system's reason (a full disk, a read-only
/// volume, permissions) instead of Foundation's numbered error.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var errno: Int32
    public var action: String

    public init(path: String, errno: Int32, _ action: String) {
        self.path = path
        self.errno = errno
        self.action = action
    }

    public var description: String {
        let advice: String
        switch errno {
        case ENOSPC, EDQUOT, EFBIG: advice = "; free disk space and run again"
        case EROFS: advice = "; the volume is read-only, choose a writable --out"
        case EACCES, EPERM: advice = "; check the folder's permissions"
        default: advice = ""
        }
        return "\(action) '\(path)': \(String(cString: strerror(errno)))\(advice)"
    }
}
