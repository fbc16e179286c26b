import Foundation

/// A text as UTF-16 code units, made once and searched by many patterns.
///
/// `NSRegularExpression` on Linux copies the whole string to UTF-16 on every call that looks
/// past its range (and through `NSString`'s character-by-character bridge); a page scanned by
/// a hundred rules paid that a hundred times, more than the matching itself. Offsets are
/// UTF-16 offsets, as `NSRange` and `NSString` count them.
public final class PatternText: Sendable {
    public let string: String
    public let units: [UInt16]

    public init(_ string: String) {
        self.string = string
        units = Array(string.utf16)
    }

    /// A text already held as UTF-16 (a broken surrogate pair reads as U+FFFD in `string`
    /// only; `units` and offsets are kept as given).
    public init(units: [UInt16]) {
        self.units = units
        string = String(decoding: units, as: UTF16.self)
    }

    /// Number of UTF-16 code units.
    public var length: Int { units.count }

    public func character(at index: Int) -> UInt16 { units[index] }

    /// The text of a range of UTF-16 offsets (a broken surrogate pair at an end reads as U+FFFD).
    public func substring(with range: NSRange) -> String {
        units.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range.location..<(range.location + range.length)])
            // Most words and spans are ASCII: narrowing their units is several times faster
            // than transcoding UTF-16 (a few per cent of a run, one string per word).
            var ascii = true
            for u in slice where u >= 0x80 {
                ascii = false
                break
            }
            guard ascii else { return String(decoding: slice, as: UTF16.self) }
            return String(unsafeUninitializedCapacity: slice.count) { bytes in
                for (i, u) in slice.enumerated() { bytes[i] = UInt8(truncatingIfNeeded: u) }
                return slice.count
            }
        }
    }

    public var wholeRange: NSRange { NSRange(location: 0, length: units.count) }
}
