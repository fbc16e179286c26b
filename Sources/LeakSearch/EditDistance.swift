/// Whether two sequences differ by at most one insertion, deletion or substitution.
///
/// Linear in the length: the full edit distance is not needed to answer "at most one".
func isWithinOneEdit(_ a: [UInt32], _ b: [UInt32]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard long.count - short.count <= 1 else { return false }
    var i = 0
    while i < short.count, short[i] == long[i] { i += 1 }
    if i == short.count { return true }
    if short.count == long.count {
        return short[(i + 1)...] == long[(i + 1)...]
    }
    return short[i...] == long[(i + 1)...]
}
