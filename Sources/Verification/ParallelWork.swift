import Dispatch
import Synchronization

/// Runs `body` for 0..<count on `jobs` threads and returns the results in index order.
///
/// The checks other than OCR are cheap per item but a dump has many items, so they are
/// spread over the cores too; the order of the results never depends on timing.
func parallelMap<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let next = Atomic<Int>(0)
    let results = Mutex<[Int: T]>([:])
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while true {
            let i = next.add(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            let value = body(i)
            results.withLock { $0[i] = value }
        }
    }
    return results.withLock { r in (0..<count).compactMap { r[$0] } }
}
