import Dispatch
import Foundation
import Synchronization

private struct OrderState<U> {
    var nextToStart = 0
    var nextToEmit = 0
    var ready: [Int: U] = [:]
    var emitting = false
}

/// Runs `work` over `0..<count` on `jobs` threads and hands the results to `sink` in index
/// order, one at a time.
///
/// The redact pass needs what the extraction schedule gives (parallel work, ordered output)
/// without its page-level scheduling: each item is one document read back from the store.
///
/// Items are started in blocks of `block` consecutive indexes, the heaviest of a block first
/// (`weight`, e.g. pages). With input order alone, a long document near the end left one core
/// idle while the other finished it, and a long one mid-batch stopped the other core once
/// the few results allowed to wait for it were done. Results wait for at most two blocks:
/// the earliest unfinished index is always in the block being started or the one before, so
/// the next item can always start and memory stays bounded by the block size.
func orderedParallel<T: Sendable>(
    count: Int, jobs: Int, block: Int? = nil, weight: ((Int) -> Int)? = nil, work: @escaping @Sendable (Int) -> T,
    sink: @escaping @Sendable (T) -> Void
) {
    let block = max(1, block ?? max(8, 4 * jobs))
    var order: [Int] = []
    order.reserveCapacity(count)
    for start in stride(from: 0, to: count, by: block) {
        let indexes = Array(start..<min(count, start + block))
        // Stable: equal weights keep input order.
        order += weight.map { w in indexes.map { ($0, w($0)) }.sorted { $0.1 > $1.1 }.map(\.0) } ?? indexes
    }
    let startOrder = order
    let window = 2 * block
    let state = Mutex(OrderState<T>())
    @Sendable func flush() {
        while true {
            let value: T? = state.withLock { s in
                guard !s.emitting, let v = s.ready.removeValue(forKey: s.nextToEmit) else { return nil }
                s.nextToEmit += 1
                s.emitting = true
                return v
            }
            guard let value else { return }
            sink(value)
            state.withLock { $0.emitting = false }
        }
    }
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while true {
            let index: Int?? = state.withLock { s -> Int?? in
                guard s.nextToStart < count else { return Int??.some(nil) }
                let next = startOrder[s.nextToStart]
                // Do not run ahead of the sink by more than the window.
                guard next - s.nextToEmit < window else { return nil }
                s.nextToStart += 1
                return Int??.some(next)
            }
            switch index {
            case .some(.some(let i)):
                let value = work(i)
                state.withLock { $0.ready[i] = value }
                flush()
            case .some(.none):
                flush()
                return
            case .none:
                flush()
                usleep(1000)
            }
        }
    }
    flush()
}
