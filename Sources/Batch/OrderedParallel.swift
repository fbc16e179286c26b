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
/// order, one at a time, holding at most `window` finished results that wait for an earlier one.
///
/// The redact pass needs what the extraction schedule gives (parallel work, ordered output)
/// without its page-level scheduling: each item is one document read back from the spool.
func orderedParallel<T: Sendable>(
    count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> T,
    sink: @escaping @Sendable (T) -> Void
) {
    let window = max(jobs, window ?? jobs * 2)
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
                // Do not run ahead of the sink by more than the window.
                guard s.nextToStart - s.nextToEmit < window else { return nil }
                defer { s.nextToStart += 1 }
                return Int??.some(s.nextToStart)
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
