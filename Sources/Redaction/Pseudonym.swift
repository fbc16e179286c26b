import CGLib
import Foundation

/// Makes the `[PERSON-7F3A]` tag of a private person: the first four hex digits of
/// HMAC-SHA256 over the person's identity, with a secret key.
///
/// The identity is the folded `first last` (case-folded, accents stripped, `LAST, First`
/// turned round; see `PersonName`), so every printing of one person gets one tag in every
/// file and every run that uses the same key, and a reader can follow a person through the
/// dump without learning the name. The key keeps the tag from being reversed by hashing
/// candidate names: whoever runs the pipeline keeps it in `private/` and never publishes it.
///
/// Four hex digits give 65,536 tags: in a dump naming a few hundred people, two of them may
/// share a tag. That reveals nothing; it only merges two people in a reader's eyes.
public struct Pseudonymizer: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) {
        self.key = key
    }

    /// A new random 32-byte key, for a first run; store it and pass it to every later run.
    public static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// The tag of a folded identity, `[PERSON-XXXX]`.
    public func tag(forIdentity identity: String) -> String {
        "[PERSON-" + String(Pseudonymizer.hmacSHA256Hex(key: key, message: Array(identity.utf8)).prefix(4)).uppercased() + "]"
    }

    /// The tag of a name as printed (`ALVAREZ, José` and `Jose Alvarez` give the same tag).
    public func tag(forPrintedName name: String) -> String? {
        PersonName.identity(of: name).map(tag(forIdentity:))
    }

    /// HMAC-SHA256 (RFC 2104) with GLib's implementation, as lower-case hex.
    public static func hmacSHA256Hex(key: [UInt8], message: [UInt8]) -> String {
        var k = key
        var m = message
        // g_compute_hmac_for_data needs non-null pointers even for empty input.
        if k.isEmpty { k = [0] }
        let keyLength = key.count
        if m.isEmpty { m = [0] }
        let messageLength = message.count
        let hex: String? = k.withUnsafeBufferPointer { kb in
            m.withUnsafeBufferPointer { mb in
                guard let p = g_compute_hmac_for_data(G_CHECKSUM_SHA256, kb.baseAddress, gsize(keyLength), mb.baseAddress, gsize(messageLength))
                else { return nil }
                defer { g_free(p) }
                return String(cString: p)
            }
        }
        return hex ?? ""
    }
}
