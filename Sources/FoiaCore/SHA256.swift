import CGLib
import Foundation

/// Streams a file through GLib's SHA-256, so a multi-gigabyte release is never held in memory.
///
/// GLib (its own `CGLib` system library, not poppler's module) avoids a crypto dependency.
public func sha256Hex(ofFile path: String) -> String? {
    guard let fh = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? fh.close() }
    guard let sum = g_checksum_new(G_CHECKSUM_SHA256) else { return nil }
    defer { g_checksum_free(sum) }
    while true {
        let chunk: Data
        do {
            // nil at the end of the file on Linux, empty Data elsewhere.
            guard let c = try fh.read(upToCount: 1 << 20), !c.isEmpty else { break }
            chunk = c
        } catch {
            return nil
        }
        chunk.withUnsafeBytes { raw in
            g_checksum_update(sum, raw.bindMemory(to: guchar.self).baseAddress, gssize(raw.count))
        }
    }
    guard let hex = g_checksum_get_string(sum) else { return nil }
    return String(cString: hex)
}

/// Hex SHA-256 of a string's UTF-8 bytes.
public func sha256Hex(of text: String) -> String {
    guard let sum = g_checksum_new(G_CHECKSUM_SHA256) else { return "" }
    defer { g_checksum_free(sum) }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buf in
        g_checksum_update(sum, buf.baseAddress, gssize(buf.count))
    }
    guard let hex = g_checksum_get_string(sum) else { return "" }
    return String(cString: hex)
}
