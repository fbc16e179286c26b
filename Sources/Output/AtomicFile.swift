import Foundation

/// A file written under a temporary name and renamed into place when complete.
///
/// A killed run leaves either the previous file or the new one, never half of one.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        temporaryPath = dir + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporaryPath])
        }
        guard let h = FileHandle(forWritingAtPath: temporaryPath) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporaryPath])
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
    }

    public func write(_ s: String) throws {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { try drain() }
    }

    /// Writes one JSON-lines record.
    public func writeLine(_ s: String) throws {
        try write(s)
        try write("\n")
    }

    private func drain() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes to disk and renames into place.
    public func commit() throws {
        try drain()
        try handle.synchronize()
        try handle.close()
        if rename(temporaryPath, path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Drops the temporary file (the previous file at `path`, if any, is untouched).
    public func discard() {
        try? handle.close()
        unlink(temporaryPath)
    }
}
