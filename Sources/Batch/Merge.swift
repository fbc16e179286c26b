import FoiaCore
import Foundation
import RunStore

extension BatchRunner {
    /// `foiapipe merge`: combines the stores of shard runs into one output folder and runs
    /// pass 2 there, so the result equals a single run over the whole dump byte for byte.
    ///
    /// The shards' results are copied into `outputDirectory`'s own store (which then resumes
    /// and re-merges like any run), ordered as `InputWalker` orders a single run, their
    /// registries merged, and every document redacted with the merged registry. The source
    /// PDFs are read again (for the redacted copies) at the absolute paths the shards saw.
    public func merge(shardDirectories: [String], outputDirectory: String, options: RunOptions = RunOptions())
        throws(BatchError) -> RunSummary
    {
        let start = Date()
        let stores = shardDirectories.map { OutputLayout($0).store }
        try checkShards(stores, directories: shardDirectories)
        let layout = OutputLayout(outputDirectory)
        if Set(stores.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).contains(
            URL(fileURLWithPath: layout.store).standardizedFileURL.path)
        {
            throw .usage("--out must be a new folder, not one of the shard folders")
        }
        let store = try layout.openStore()
        let documents: [(InputKey, InputDocument)]
        do {
            try store.setMeta(["complete": "0", "shard": "", "fingerprint": RunFingerprint.current(pipeline).documents])
            try store.replaceContents(withStoresAt: stores)
            documents = try store.inputs().map { ($0.key, InputDocument(path: $0.key.path, relativePath: $0.key.rel)) }
        } catch {
            throw .store(error)
        }
        var summary = RunSummary()
        summary.unchangedDocuments = documents.count
        try publish(documents, store: store, layout: layout, keyPath: options.keyPath, progress: options.progress, summary: &summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Every shard 1…N present once, finished, over the same inputs, with the same rules and
    /// the same foiapipe build as this merge: otherwise the merged output would not be what
    /// one machine makes.
    private func checkShards(_ stores: [String], directories: [String]) throws(BatchError) {
        guard !stores.isEmpty else { throw .usage("name the shard folders: foiapipe merge SHARD_DIR... --out DIR") }
        var seen: [Int: String] = [:]
        var count: Int?
        var digest: String?
        let mine = RunFingerprint.current(pipeline).documents
        for (store, dir) in zip(stores, directories) {
            let meta: [String: String]
            do {
                meta = try RunStore.meta(ofStoreAt: store)
            } catch {
                throw .store(error)
            }
            guard let text = meta["shard"], !text.isEmpty, let shard = try? Shard(parsing: text) else {
                throw .merge("\(dir) was not made by `foiapipe run --shard K/N`")
            }
            guard meta["complete"] == "1" else {
                throw .merge("shard \(shard) in \(dir) did not finish; run it again with the same command (it resumes)")
            }
            if let other = seen[shard.index] {
                throw .merge("shard \(shard) is given twice (\(other) and \(dir))")
            }
            seen[shard.index] = dir
            if let count, count != shard.count {
                throw .merge("\(dir) is shard \(shard) but others split the dump in \(count); run every shard with the same N")
            }
            count = shard.count
            if let digest, digest != meta["inputs_digest"] {
                throw .merge("\(dir) saw other input files than the other shards; every shard must see the same inputs at the same paths")
            }
            digest = meta["inputs_digest"]
            guard meta["fingerprint"] == mine else {
                throw .merge(
                    "\(dir) was made with other pipeline or rule files, or another foiapipe build, than this merge; "
                        + "run every shard and the merge with the same foiapipe and the same --pipeline")
            }
        }
        let missing = (1...(count ?? 1)).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw .merge(
                "shard " + missing.map { "\($0)/\(count ?? 1)" }.joined(separator: ", ")
                    + " missing; the merge needs every shard's folder")
        }
    }
}
