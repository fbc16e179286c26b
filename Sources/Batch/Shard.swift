import FoiaCore

/// `--shard K/N`: this machine's share of a dump split over N machines.
///
/// A file belongs to shard `(first 8 bytes of its SHA-256) mod N + 1`: every machine decides
/// alone, from the file's content, with no coordinator, and the share does not change when
/// files are renamed or listed in another order. A file that cannot be read (no hash) goes
/// to shard 1, so its error is reported exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(BatchError) {
        guard count >= 1, (1...count).contains(index) else {
            throw BatchError.usage("--shard \(index)/\(count): K must be between 1 and N (for example --shard 1/4)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws(BatchError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw BatchError.usage("--shard '\(text)': write K/N, for example --shard 1/4 for the first of 4 machines")
        }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The shard a file with this hash belongs to.
    static func index(ofSHA256 hex: String, count: Int) -> Int {
        guard hex.count >= 16, let head = UInt64(hex.prefix(16), radix: 16) else { return 1 }
        return Int(head % UInt64(count)) + 1
    }

    func contains(sha256 hex: String) -> Bool { Shard.index(ofSHA256: hex, count: count) == index }
}
