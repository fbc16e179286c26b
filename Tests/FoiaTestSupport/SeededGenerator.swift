// A seeded generator shared by the perturbation harnesses of redaction and segmentation.

/// SplitMix64: a small deterministic generator, so a case is the same on every machine and run.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`, independent of the standard library's sampling.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    public mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    public mutating func digits(_ count: Int, first: ClosedRange<Int> = 0...9) -> String {
        var s = String(first.lowerBound + below(first.count))
        while s.count < count { s += String(below(10)) }
        return s
    }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
