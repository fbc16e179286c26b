import Foundation

/// Finds the checked-in fixtures and the shared real documents from the source tree.
public enum Fixtures {
    /// The repository root, found from this file's path so tests need no resource bundles.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The known printed text of a fixture (`NAME.truth.txt`), pages separated by form feeds.
    public static func truth(_ name: String) throws -> String {
        let base = (name as NSString).deletingPathExtension
        return try String(contentsOfFile: path(base + ".truth.txt"), encoding: .utf8)
    }

    /// `../shared/realdocs`, or nil when this checkout has no shared folder beside it.
    public static var realDocs: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/realdocs")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The default pipeline file of the repository.
    public static var defaultPipeline: String { repositoryRoot.appendingPathComponent("Pipelines/default.yaml").path }

    /// The release binary built by `scripts/setup`, or the debug one.
    public static var binary: String {
        for config in ["release", "debug"] {
            let p = repositoryRoot.appendingPathComponent(".build/\(config)/foiapipe").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return repositoryRoot.appendingPathComponent(".build/release/foiapipe").path
    }
}

/// Word error rate: word-level edit distance divided by the number of reference words.
///
/// Punctuation at word edges and case are ignored, as a reader of the text would.
public func wordErrorRate(reference: String, hypothesis: String) -> Double {
    func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0.isWhitespace }).map {
            $0.trimmingCharacters(in: .punctuationCharacters).lowercased()
        }.filter { !$0.isEmpty }
    }
    let r = words(reference)
    let h = words(hypothesis)
    guard !r.isEmpty else { return h.isEmpty ? 0 : 1 }
    var prev = Array(0...h.count)
    var cur = [Int](repeating: 0, count: h.count + 1)
    for i in 1...r.count {
        cur[0] = i
        if !h.isEmpty {
            for j in 1...h.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
            }
        }
        swap(&prev, &cur)
    }
    return Double(prev[h.count]) / Double(r.count)
}

/// Runs a command and returns its exit status, standard output and standard error.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (
    status: Int32, stdout: String, stderr: String
) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller.
public func temporaryFolder(_ name: String = "foiapipe-test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
