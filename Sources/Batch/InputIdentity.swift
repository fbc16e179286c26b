import Dispatch
import FoiaCore
import Foundation
import RunStore
import Synchronization

/// Finds each input's content hash, the key to every stored result.
///
/// A file whose path, size and modification time (to the nanosecond) are those the store
/// recorded keeps its recorded hash, so a resumed run over a large dump does not read every
/// file again; any other file is hashed, on `jobs` threads. A file that cannot be read gets an
/// empty hash: extraction then reports why, and nothing about it is reused.
enum InputIdentity {
    static func identify(
        _ inputs: [InputDocument], known: [StoredInput], jobs: Int, progress: (any RunProgress)?
    ) -> [StoredInput] {
        let byKey = Dictionary(known.map { ($0.key, $0) }) { a, _ in a }
        let results = Mutex([StoredInput?](repeating: nil, count: inputs.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, inputs.count))) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < inputs.count else { return }
                let input = inputs[i]
                let key = InputKey(rel: input.relativePath, path: input.path)
                var st = stat()
                let found = stat(input.path, &st) == 0
                let size = found ? Int64(st.st_size) : -1
                let mtime = found ? Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec) : -1
                var sha = ""
                if let old = byKey[key], found, old.size == size, old.mtimeNanoseconds == mtime, !old.sha256.isEmpty {
                    sha = old.sha256
                } else if found {
                    sha = sha256Hex(ofFile: input.path) ?? ""
                }
                let identified = StoredInput(key: key, sha256: sha, size: size, mtimeNanoseconds: mtime)
                results.withLock { $0[i] = identified }
                progress?.itemDone()
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// One digest of the whole input set, the same on every shard: the merge checks that all
    /// shards split the same dump.
    static func digest(_ inputs: [StoredInput]) -> String {
        sha256Hex(of: inputs.map { "\($0.key.rel)\u{0}\($0.key.path)\u{0}\($0.sha256)" }.joined(separator: "\n"))
    }
}
