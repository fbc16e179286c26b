import CPoppler
import Foundation

/// Streams a file through GLib's SHA-256, so a multi-gigabyte release is never held in memory.
///
/// GLib is already linked for poppler; using its checksum avoids a crypto dependency.
public func sha256Hex(ofFile path: String) -> String? {
    guard let fh = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? fh.close() }
    guard let sum = g_checksum_new(G_CHECKSUM_SHA256) else { return nil }
    defer { g_checksum_free(sum) }
    while true {
        guard let chunk = try? fh.read(upToCount: 1 << 20) else { return nil }
        if chunk.isEmpty { break }
        chunk.withUnsafeBytes { raw in
            g_checksum_update(sum, raw.bindMemory(to: guchar.self).baseAddress, gssize(raw.count))
        }
    }
    guard let hex = g_checksum_get_string(sum) else { return nil }
    return String(cString: hex)
}
